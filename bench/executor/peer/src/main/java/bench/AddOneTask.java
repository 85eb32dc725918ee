package bench;

import org.flyte.flytekit.SdkBindingData;
import org.flyte.flytekit.SdkBindingDataFactory;
import org.flyte.flytekit.SdkLiteralTypes;
import org.flyte.flytekit.SdkRunnableTask;
import org.flyte.flytekit.SdkTypes;

/** long -> long + 1, the trivial task of both bench DAGs. */
public class AddOneTask extends SdkRunnableTask<SdkBindingData<Long>, SdkBindingData<Long>> {
  private static final long serialVersionUID = 1L;

  public AddOneTask() {
    super(SdkTypes.of(SdkLiteralTypes.integers(), "x"), SdkTypes.of(SdkLiteralTypes.integers(), "o0"));
  }

  @Override
  public SdkBindingData<Long> run(SdkBindingData<Long> x) {
    return SdkBindingDataFactory.of(x.get() + 1);
  }
}
