package io.tierflow.ui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.tierflow.core.i18n.Messages;

@QuarkusTest
class MessageExtensionsTest {

    @Inject
    Engine engine;

    @Test
    void textsFollowTheInstancesLocaleAndTakeArguments() {
        var template = engine.parse("{msg:text('ui.nav.forms')}|{msg:text('core.internal', ref)}");
        assertEquals("Forms|Something went wrong on the server (reference R1)",
                template.data("ref", "R1").setAttribute(Pages.LOCALE, Messages.EN).render());
        assertEquals("表单|服务器出错了（编号 R2）",
                template.data("ref", "R2").setAttribute(Pages.LOCALE, Messages.ZH).render());
        assertEquals("表单|服务器出错了（编号 R3）", template.data("ref", "R3").render()); // no locale: the default, Chinese
    }
}
