package bench;

import java.util.List;
import org.flyte.flytekit.SdkBindingData;
import org.flyte.flytekit.SdkBindingDataFactory;
import org.flyte.flytekit.SdkLiteralTypes;
import org.flyte.flytekit.SdkRunnableTask;
import org.flyte.flytekit.SdkTypes;

/** The join of the fan-out: the sum of a list of longs. */
public class SumTask extends SdkRunnableTask<SdkBindingData<List<Long>>, SdkBindingData<Long>> {
  private static final long serialVersionUID = 1L;

  public SumTask() {
    super(SdkTypes.of(SdkLiteralTypes.collections(SdkLiteralTypes.integers()), "xs"),
        SdkTypes.of(SdkLiteralTypes.integers(), "o0"));
  }

  @Override
  public SdkBindingData<Long> run(SdkBindingData<List<Long>> xs) {
    long s = 0;
    for (Long v : xs.get()) {
      s += v;
    }
    return SdkBindingDataFactory.of(s);
  }
}
