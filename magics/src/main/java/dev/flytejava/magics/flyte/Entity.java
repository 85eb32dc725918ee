package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.options.LaunchPlanOptions;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.options.WorkflowOptions;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.magics.flyte.parse.WorkflowIr;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Workflow;

/**
 * Something a notebook declared: a task, a workflow or a launch plan, with what the cell said about it.
 * {@link #name()} is the Flyte name, {@link #method()} the Java method that calls it.
 */
public sealed interface Entity {
    String name();

    String method();

    TypedInterface iface();

    /** "task", "workflow" or "launch plan". */
    String kind();

    record DeclaredTask(Task task, MethodSignature signature, TaskOptions options, String cellSource) implements Entity {
        @Override
        public String name() {
            return task.name();
        }

        @Override
        public String method() {
            return signature.name();
        }

        @Override
        public TypedInterface iface() {
            return task.iface();
        }

        @Override
        public String kind() {
            return "task";
        }
    }

    record DeclaredWorkflow(Workflow workflow, WorkflowIr ir, Dag dag, WorkflowOptions options, String cellSource)
            implements Entity {
        @Override
        public String name() {
            return workflow.name();
        }

        @Override
        public String method() {
            return ir.signature().name();
        }

        @Override
        public TypedInterface iface() {
            return workflow.iface();
        }

        @Override
        public String kind() {
            return "workflow";
        }
    }

    record DeclaredLaunchPlan(LaunchPlan plan, LaunchPlanOptions options, Dag dag) implements Entity {
        @Override
        public String name() {
            return plan.name();
        }

        @Override
        public String method() {
            return plan.name();
        }

        /** The workflow's interface minus fixed inputs. */
        @Override
        public TypedInterface iface() {
            TypedInterface wf = plan.workflow().iface();
            return new TypedInterface(wf.inputs().stream().filter(v -> !plan.fixedInputs().containsKey(v.name())).toList(),
                    wf.outputs(), wf.outputRecord());
        }

        @Override
        public String kind() {
            return "launch plan";
        }
    }
}
