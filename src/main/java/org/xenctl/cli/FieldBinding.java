package org.xenctl.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

/** Binds an option or parameter to a command's field through a getter and a setter (picocli's are generic methods, so no lambdas). */
final class FieldBinding<T> implements IGetter, ISetter {
    private final Supplier<T> getter;
    private final Consumer<T> setter;

    FieldBinding(Supplier<T> getter, Consumer<T> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
        return (V) getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V set(V value) {
        V previous = get();
        setter.accept((T) value);
        return previous;
    }
}
