package bench;

import org.flyte.flytekit.SdkBindingData;
import org.flyte.flytekit.SdkLiteralTypes;
import org.flyte.flytekit.SdkTypes;
import org.flyte.flytekit.SdkWorkflow;
import org.flyte.flytekit.SdkWorkflowBuilder;

/** x -> addOne -> addOne -> ... (n nodes). */
public class ChainWorkflow extends SdkWorkflow<SdkBindingData<Long>, SdkBindingData<Long>> {
  private final int n;

  public ChainWorkflow(int n) {
    super(SdkTypes.of(SdkLiteralTypes.integers(), "x"), SdkTypes.of(SdkLiteralTypes.integers(), "o0"));
    this.n = n;
  }

  @Override
  protected SdkBindingData<Long> expand(SdkWorkflowBuilder builder, SdkBindingData<Long> x) {
    AddOneTask addOne = new AddOneTask();
    SdkBindingData<Long> prev = x;
    for (int i = 0; i < n; i++) {
      prev = builder.apply("n" + i, addOne, prev).getOutputs();
    }
    return prev;
  }
}
