package fi.kohtaamo.identity.internal;

import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class StaffDirectoryQueries implements StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "id, display_name, email, role, organisation_id, preferred_language";

    private static Person person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long org = rs.getLong("organisation_id");
        Long organisation = rs.wasNull() ? null : org;
        return new Person(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), organisation, Lang.parse(rs.getString("preferred_language")).orElse(Lang.FI));
    }

    @Override
    public Optional<Person> person(long userId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id and enabled = true").param("id", userId)
                .query(StaffDirectoryQueries::person).optional();
    }

    @Override
    public List<Person> withRoleIn(Role role, Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from app_user where enabled = true and role = :role "
                        + "and organisation_id in (:orgs) order by display_name, id")
                .param("role", role.name()).param("orgs", organisationIds).query(StaffDirectoryQueries::person).list();
    }

    @Override
    public List<Person> coordinatorsOf(long countyId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where enabled = true and role = 'COUNTY_COORDINATOR' "
                        + "and county_id = :county order by display_name, id")
                .param("county", countyId).query(StaffDirectoryQueries::person).list();
    }

    @Override
    public Optional<Person> byEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from app_user where enabled = true and lower(email) = :email")
                .param("email", email.strip().toLowerCase(java.util.Locale.ROOT)).query(StaffDirectoryQueries::person)
                .optional();
    }
}
