package io.tierflow.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class JsonTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesAndReadsBack() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("ids", List.of(1, 2));
        value.put("amount", new BigDecimal("12.50"));
        value.put("none", null);
        String text = JsonText.write(json, value);
        assertEquals("{\"ids\":[1,2],\"amount\":12.50,\"none\":null}", text);
        assertEquals(2, JsonText.read(json, text).path("ids").get(1).asInt());
    }

    @Test
    void failuresAreBugsNotProblems() {
        assertThrows(IllegalStateException.class, () -> JsonText.read(json, "{not json"));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(json, new Object()));
    }
}
