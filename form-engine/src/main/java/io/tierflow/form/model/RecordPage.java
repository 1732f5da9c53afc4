package io.tierflow.form.model;

import java.util.List;

/** One page of a keyset-paginated record list; {@code next} is the cursor for the following page, or null. */
public record RecordPage(List<RecordView> items, Long next) {
}
