package bench;

import java.util.ArrayList;
import java.util.List;
import org.flyte.flytekit.SdkBindingData;
import org.flyte.flytekit.SdkBindingDataFactory;
import org.flyte.flytekit.SdkLiteralTypes;
import org.flyte.flytekit.SdkTypes;
import org.flyte.flytekit.SdkWorkflow;
import org.flyte.flytekit.SdkWorkflowBuilder;

/** n independent addOne(x) nodes joined by one sum over the list of their outputs. */
public class FanoutWorkflow extends SdkWorkflow<SdkBindingData<Long>, SdkBindingData<Long>> {
  private final int n;

  public FanoutWorkflow(int n) {
    super(SdkTypes.of(SdkLiteralTypes.integers(), "x"), SdkTypes.of(SdkLiteralTypes.integers(), "o0"));
    this.n = n;
  }

  @Override
  protected SdkBindingData<Long> expand(SdkWorkflowBuilder builder, SdkBindingData<Long> x) {
    AddOneTask addOne = new AddOneTask();
    List<SdkBindingData<Long>> outs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      outs.add(builder.apply("n" + i, addOne, x).getOutputs());
    }
    SdkBindingData<List<Long>> list = SdkBindingDataFactory.ofBindingCollection(SdkLiteralTypes.integers(), outs);
    return builder.apply("join", new SumTask(), list).getOutputs();
  }
}
