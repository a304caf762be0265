package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * An account's county and area are worked out again from the record its role uses, as
 * {@code identity.internal.UserService} now stores them: a county coordinator's county; an area
 * coordinator's area and its county; a volunteer's place, its area and county; anyone else's organisation
 * and the county of it or its nearest ancestor. Before, a county coordinator could store a county of their
 * own beside another county's organisation, and the account list, which is scoped by the stored columns,
 * still showed such accounts to that coordinator. Fields the role does not use are emptied.
 */
public class V11__account_scope_from_records extends BaseJavaMigration {

    private record Account(long id, String role, Long organisationId, Long countyId, Long areaId, Long placeId) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, role, organisation_id, county_id, area_id, place_id from app_user");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                accounts.add(new Account(rs.getLong(1), rs.getString(2), nullable(rs, 3), nullable(rs, 4), nullable(rs, 5),
                        nullable(rs, 6)));
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "update app_user set organisation_id = ?, county_id = ?, area_id = ?, place_id = ? where id = ?")) {
            for (Account a : accounts) {
                Account placed = placed(c, a);
                if (placed.equals(a)) {
                    continue;
                }
                set(update, 1, placed.organisationId());
                set(update, 2, placed.countyId());
                set(update, 3, placed.areaId());
                set(update, 4, placed.placeId());
                update.setLong(5, a.id());
                update.executeUpdate();
            }
        }
    }

    private static Account placed(Connection c, Account a) throws SQLException {
        return switch (a.role()) {
            case "COUNTY_COORDINATOR" -> new Account(a.id(), a.role(), null, a.countyId(), null, null);
            case "AREA_COORDINATOR" -> new Account(a.id(), a.role(), null,
                    a.areaId() == null ? null : one(c, "select county_id from area where id = ?", a.areaId()), a.areaId(), null);
            case "VOLUNTEER" -> {
                Long area = a.placeId() == null ? null : one(c, "select area_id from place where id = ?", a.placeId());
                yield new Account(a.id(), a.role(), null,
                        area == null ? null : one(c, "select county_id from area where id = ?", area), area, a.placeId());
            }
            case "PROVIDER_STAFF", "PARTNER", "NATIONAL_REPORTER" ->
                    new Account(a.id(), a.role(), a.organisationId(), countyOfOrganisation(c, a.organisationId()), null, null);
            default -> new Account(a.id(), a.role(), null, null, null, null);
        };
    }

    /** The county of the organisation or its nearest ancestor (the registry's rule, as bounded). */
    private static Long countyOfOrganisation(Connection c, Long organisationId) throws SQLException {
        Set<Long> seen = new HashSet<>();
        Long current = organisationId;
        while (current != null && seen.size() < 20 && seen.add(current)) {
            Long county = one(c, "select county_id from organisation where id = ?", current);
            if (county != null) {
                return county;
            }
            current = one(c, "select parent_id from organisation where id = ?", current);
        }
        return null;
    }

    private static Long one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? nullable(rs, 1) : null;
            }
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void set(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
