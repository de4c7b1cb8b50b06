package org.gridwatch.replica;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/** Runs a {@link MayLag} method with the standby allowed, for it and for everything it calls. */
final class MayLagInterceptor implements MethodInterceptor {
  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    ReadRoute.enterMayLag();
    try {
      return invocation.proceed();
    } finally {
      ReadRoute.leaveMayLag();
    }
  }
}
