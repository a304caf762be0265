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
    private final fi.kohtaamo.registry.Registry registry;

    StaffDirectoryQueries(JdbcClient jdbc, fi.kohtaamo.registry.Registry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
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
    public List<Person> areaCoordinatorsOf(long areaId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where enabled = true and role = 'AREA_COORDINATOR' "
                        + "and area_id = :area order by display_name, id")
                .param("area", areaId).query(StaffDirectoryQueries::person).list();
    }

    @Override
    public List<Person> staffOf(long countyId) {
        List<Long> orgs = new java.util.ArrayList<>(List.of(-1L));
        registry.organisations(countyId).forEach(o -> orgs.add(o.id()));
        List<Long> areas = new java.util.ArrayList<>(List.of(-1L));
        registry.areas(countyId).forEach(a -> areas.add(a.id()));
        return jdbc.sql("select " + COLUMNS + " from app_user u where enabled = true "
                        + "and role not in ('VOLUNTEER', 'NATIONAL_REPORTER') and (county_id = :county "
                        + "or area_id in (:areas) or organisation_id in (:orgs)) "
                        + "order by display_name, id")
                .param("county", countyId).param("areas", areas).param("orgs", orgs).query(StaffDirectoryQueries::person).list();
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
