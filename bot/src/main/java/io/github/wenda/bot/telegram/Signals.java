package io.github.wenda.bot.telegram;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a latch the main thread waits on, so the bot can stop polling,
 * finish answers and return exit code 0 instead of the JVM's 143 from a shutdown hook. Uses {@code
 * sun.misc.Signal} (module jdk.unsupported) through reflection so the build stays free of
 * internal-API warnings; without it, a shutdown hook releases the latch instead.
 */
final class Signals {
  private static final Logger log = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /** A latch released by the first SIGTERM or SIGINT. */
  static CountDownLatch stopLatch() {
    CountDownLatch latch = new CountDownLatch(1);
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              latch.countDown();
            }
            return null;
          };
      Object h =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(), new Class<?>[] {handler}, onSignal);
      for (String name : new String[] {"TERM", "INT"}) {
        Object s = signal.getConstructor(String.class).newInstance(name);
        signal.getMethod("handle", signal, handler).invoke(null, s, h);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      log.debug("no signal handling ({}); using a shutdown hook", e.toString());
      Runtime.getRuntime().addShutdownHook(new Thread(latch::countDown, "wenda-stop"));
    }
    return latch;
  }
}
