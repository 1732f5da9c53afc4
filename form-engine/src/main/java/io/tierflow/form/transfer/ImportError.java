package io.tierflow.form.transfer;

/**
 * What is wrong with one cell or row: the spreadsheet row (1-based, header included), the column header and
 * field key it concerns (null when the row as a whole is wrong), a message code and its text in the
 * importer's language.
 */
public record ImportError(int row, String column, String field, String code, String message) {
}
