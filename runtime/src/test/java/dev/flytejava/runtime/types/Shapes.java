package dev.flytejava.runtime.types;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;

/** A small hierarchy for the lookup order: Dog extends Pet implements Animal. */
final class Shapes {

    private Shapes() {}

    interface Animal {
        String name();
    }

    abstract static class Pet implements Animal {}

    static final class Dog extends Pet {
        private final String name;

        Dog(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Dog d && d.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** Animals travel as their name. */
    static final class AnimalTransformer implements TypeTransformer<Animal> {
        @Override
        public Class<Animal> type() {
            return Animal.class;
        }

        @Override
        public LiteralType literalType(Type javaType, TransformerContext context) {
            return LiteralType.newBuilder().setSimple(SimpleType.STRING).build();
        }

        @Override
        public Literal toLiteral(Animal value, Type javaType, TransformerContext context) {
            return context.toLiteral(value.name(), String.class);
        }

        @Override
        public Animal toJava(Literal literal, Type javaType, TransformerContext context) {
            return new Dog((String) context.toJava(literal, String.class));
        }
    }

    /** Pets travel as a number: the length of their name, and come back as dogs named by as many x. */
    static final class PetTransformer implements TypeTransformer<Pet> {
        @Override
        public Class<Pet> type() {
            return Pet.class;
        }

        @Override
        public LiteralType literalType(Type javaType, TransformerContext context) {
            return LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build();
        }

        @Override
        public Literal toLiteral(Pet value, Type javaType, TransformerContext context) {
            return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder()
                    .setInteger(value.name().length()))).build();
        }

        @Override
        public Pet toJava(Literal literal, Type javaType, TransformerContext context) {
            return new Dog("x".repeat((int) literal.getScalar().getPrimitive().getInteger()));
        }
    }
}
