package io.tierflow.form.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of a keyset-paginated record list. In the default order (newest first) {@code next} is the id to
 * pass as {@code after}; with a sort, {@code cursor} is the opaque value to pass as {@code cursor}. Both are
 * null on the last page. {@code expanded}: for each relation field named in {@code ?expand=}, the linked records
 * the caller may see, by id.
 */
public record RecordPage(List<RecordView> items, Long next, String cursor,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<Long, RecordView>> expanded) {

    public RecordPage(List<RecordView> items, Long next, String cursor) {
        this(items, next, cursor, Map.of());
    }

    public RecordPage(List<RecordView> items, Long next) {
        this(items, next, null);
    }
}
