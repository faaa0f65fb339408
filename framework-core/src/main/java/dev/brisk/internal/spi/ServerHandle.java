package dev.brisk.internal.spi;

import dev.brisk.internal.dispatch.BlockingDetector;
import dev.brisk.internal.dispatch.WorkerPool;

/** One started server of an app, as extensions see it (for gauges and readiness). */
public interface ServerHandle {
    /** The server's worker pool. */
    WorkerPool workers();

    /** The server's blocking detector (possibly disabled). */
    BlockingDetector detector();

    /** True once the server has begun to shut down. */
    boolean draining();
}
