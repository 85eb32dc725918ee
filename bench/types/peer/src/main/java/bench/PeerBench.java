package bench;

import java.util.List;
import java.util.Map;
import org.flyte.api.v1.Literal;
import org.flyte.flytekit.SdkBindingData;
import org.flyte.flytekit.SdkLiteralType;
import org.flyte.flytekit.SdkLiteralTypes;
import org.flyte.flytekit.jackson.JacksonSdkLiteralType;
import org.flyte.flytekit.jackson.JacksonSdkType;

/**
 * flytekit-java 0.4.35 on the same data as OursBench: prints one JSON object of median milliseconds.
 * Records: a list of records through SdkLiteralTypes.collections(JacksonSdkLiteralType.of(Rec)) and, as the brief
 * names it, through JacksonSdkType of a wrapper whose list field is an SdkBindingData; the faster one is the peer figure.
 */
public final class PeerBench {

    public record Rec(long id, double score, String name) {}

    public record Batch(SdkBindingData<List<Rec>> records) {}

    public static void main(String[] args) {
        Data.Args a = Data.Args.parse(args);
        int warmup = a.warmup();
        int runs = a.runs();
        List<Long> longList = Data.longs(a.longs());
        long expectedSum = Data.sumOfLongs(longList);
        List<Rec> recList = Data.records(a.records(), row -> new Rec(row.id(), row.score(), row.name()));

        SdkLiteralType<List<Long>> longType = SdkLiteralTypes.collections(SdkLiteralTypes.integers());
        double[] longFigures = Timer.measure(warmup, runs, () -> longList, longType::toLiteral, literal -> {
            List<Long> back = longType.fromLiteral(literal);
            return Data.check(Data.sumOfLongs(back) == expectedSum);
        });

        SdkLiteralType<List<Rec>> recType = SdkLiteralTypes.collections(JacksonSdkLiteralType.of(Rec.class));
        double[] recFigures = Timer.measure(warmup, runs, () -> recList, recType::toLiteral, literal -> {
            List<Rec> back = recType.fromLiteral(literal);
            return Data.check(back.equals(recList));
        });

        JacksonSdkType<Batch> batchType = JacksonSdkType.of(Batch.class);
        Batch batch = new Batch(SdkBindingData.literal(recType, recList));
        double[] batchFigures = Timer.measure(warmup, runs, () -> batch, batchType::toLiteralMap, literals -> {
            Batch back = batchType.fromLiteralMap(literals);
            List<Rec> list = back.records().get();
            return Data.check(list.equals(recList));
        });

        System.out.println(Timer.json(Map.of(
                "long_list", longFigures,
                "record_list", recFigures,
                "record_list_jackson_sdk_type", batchFigures)));
    }
}
