/** The audit log: every successful write, with who, what, when and the record before and after. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package fi.kohtaamo.audit;
