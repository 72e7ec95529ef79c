package dev.tihuo.bootstrap;

/** Composition root: reads configuration, builds the adapters, wires the use cases, starts the listeners. */
public final class Tihuo {
    private Tihuo() {}

    public static void main(String[] args) {
        System.out.println("tihuo: composition root not wired yet");
    }
}
