package io.tierflow.flow.engine;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Deploys the built-in process definitions at startup. Duplicate filtering makes a restart with
 * unchanged BPMN a no-op, so versions only grow when a definition really changes.
 */
@ApplicationScoped
public class ProcessDeployer {

    static final String DEPLOYMENT = "tierflow-builtin";
    static final String[] RESOURCES = { "processes/tier_approval.bpmn20.xml" };

    private static final Logger LOG = Logger.getLogger(ProcessDeployer.class);

    @Inject
    RepositoryService repository;

    // after the engine, before the effects dispatcher starts processes
    void deploy(@Observes @Priority(FlowEngine.STARTUP_PRIORITY + 100) StartupEvent event) {
        var builder = repository.createDeployment().name(DEPLOYMENT).key(DEPLOYMENT).enableDuplicateFiltering();
        for (String resource : RESOURCES) {
            builder.addClasspathResource(resource);
        }
        Deployment d = builder.deploy();
        LOG.debugf("Built-in processes: deployment %s", d.getId());
    }
}
