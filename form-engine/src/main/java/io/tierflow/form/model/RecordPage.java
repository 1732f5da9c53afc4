package io.tierflow.form.model;

import java.util.List;

/**
 * One page of a keyset-paginated record list. In the default order (newest first) {@code next} is the id to
 * pass as {@code after}; with a sort, {@code cursor} is the opaque value to pass as {@code cursor}. Both are
 * null on the last page.
 */
public record RecordPage(List<RecordView> items, Long next, String cursor) {

    public RecordPage(List<RecordView> items, Long next) {
        this(items, next, null);
    }
}
