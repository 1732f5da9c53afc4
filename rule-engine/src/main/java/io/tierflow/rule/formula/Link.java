package io.tierflow.rule.formula;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Records of another form that a formula may read through a relation: {@link Kind#ONE} the record this one links
 * to ({@code customer.region} from an order), {@link Kind#MANY} the records that link here (a customer's
 * {@code orders}, read only inside COUNT, SUM, AVG, MIN, MAX or LATEST). {@code key} is the name formulas use,
 * {@code target} the fields readable there.
 * <p>For the SQL back end, {@code table} names the other form's table. ONE: the target row is the one whose
 * {@code idColumn} equals this row's {@code via} field. MANY: the items are the rows whose {@code via} column
 * (a bigint, or a bigint[] when {@code viaIsArray}) holds this row's id. Rows whose {@code liveColumn} is not null
 * (trashed) are left out; LATEST orders items by {@code createdColumn}, then {@code idColumn}. All of these are
 * plain identifiers, never user text.
 */
public record Link(String key, Kind kind, FormulaScope target, FieldRef via, String table, Map<Long, String> columns,
                   boolean viaIsArray, String idColumn, String createdColumn, String liveColumn) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public enum Kind {
        ONE, MANY
    }

    public Link {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(via, "via");
        columns = Map.copyOf(columns);
        for (String name : new String[]{table, idColumn, createdColumn, liveColumn}) {
            identifier(name);
        }
        columns.values().forEach(Link::identifier);
        for (FieldRef f : target.fields()) {
            if (!columns.containsKey(f.fieldId())) {
                throw new IllegalArgumentException("no column for field " + f.key() + " of link " + key);
            }
        }
        if (kind == Kind.MANY && !columns.containsKey(via.fieldId())) {
            throw new IllegalArgumentException("no column for the relation " + via.key() + " of link " + key);
        }
    }

    /** A link in the usual record-table layout: {@code id}, {@code created_at}, {@code deleted_at}. */
    public static Link of(String key, Kind kind, FormulaScope target, FieldRef via, String table,
                          Map<Long, String> columns, boolean viaIsArray) {
        return new Link(key, kind, target, via, table, columns, viaIsArray, "id", "created_at", "deleted_at");
    }

    private static void identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: " + name);
        }
    }
}
