package bench;

import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.runtime.types.TypeRef;
import flyteidl.core.Literals.Literal;
import java.util.List;
import java.util.Map;

/** Our TypeEngine on the same data as PeerBench: prints one JSON object of median milliseconds. */
public final class OursBench {

    public record Rec(long id, double score, String name) {}

    public static void main(String[] args) {
        Data.Args a = Data.Args.parse(args);
        int warmup = a.warmup();
        int runs = a.runs();
        List<Long> longList = Data.longs(a.longs());
        long expectedSum = Data.sumOfLongs(longList);
        List<Rec> recList = Data.records(a.records(), row -> new Rec(row.id(), row.score(), row.name()));

        TypeEngine engine = TypeEngine.createDefault(OursBench.class.getClassLoader());

        TypeConverter longType = engine.converter(new TypeRef<List<Long>>() {}.type());
        double[] longFigures = Timer.measure(warmup, runs, () -> longList, longType::toLiteral, literal -> {
            @SuppressWarnings("unchecked")
            List<Long> back = (List<Long>) longType.toJava(literal);
            return Data.check(Data.sumOfLongs(back) == expectedSum);
        });

        TypeConverter recType = engine.converter(new TypeRef<List<Rec>>() {}.type());
        double[] recFigures = Timer.measure(warmup, runs, () -> recList, recType::toLiteral, literal -> {
            @SuppressWarnings("unchecked")
            List<Rec> back = (List<Rec>) recType.toJava(literal);
            return Data.check(back.equals(recList));
        });

        System.out.println(Timer.json(Map.of("long_list", longFigures, "record_list", recFigures)));
    }

}
