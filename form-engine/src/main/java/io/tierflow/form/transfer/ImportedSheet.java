package io.tierflow.form.transfer;

import java.util.List;
import java.util.Map;

/**
 * A file to import, read: its format ("csv" or "xlsx"), the header row and the data rows. Row numbers are the
 * spreadsheet's (1-based, the header counts), so errors point at the row a person sees in Excel.
 */
record ImportedSheet(String format, List<String> header, List<Row> rows) {

    /**
     * @param cells  one per header column, null where empty; text exactly as the cell shows it
     * @param errors spreadsheet error values (#N/A, #DIV/0!) by column index; usually empty
     */
    record Row(int number, String[] cells, Map<Integer, String> errors) {

        String cell(int index) {
            return index < cells.length ? cells[index] : null;
        }
    }
}
