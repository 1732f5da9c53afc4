package io.tierflow.core.error;

/** What is wrong with one input field: its path (e.g. {@code values.amount}), a message code and its arguments. */
public record FieldProblem(String field, String code, Object... args) {
}
