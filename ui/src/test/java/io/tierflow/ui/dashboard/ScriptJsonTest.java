package io.tierflow.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ScriptJsonTest {

    @Test
    void userTextCannotCloseTheScriptElementYetParsesBackUnchanged() throws Exception {
        String name = "客户</script><script>alert(1)</script><!-- & -->";
        String json = ScriptJson.of(Map.of("slices", List.of(Map.of("name", name)))).getValue();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals(name, new ObjectMapper().readTree(json).at("/slices/0/name").asText());
    }
}
