/**
 * Small shared kernel used by every module: errors, clock, languages and multilingual text,
 * web infrastructure, access-control primitives and the demo-data hook. Open to all modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fi.kohtaamo.shared;
