/**
 * Registry: counties, coordination areas, municipalities, organisations (with their hierarchy) and
 * meeting places. Public API: {@link fi.kohtaamo.registry.Registry}, the actions and the enums.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package fi.kohtaamo.registry;
