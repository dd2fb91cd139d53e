package dev.tasklens.domain.archfixture.cycleb;

import dev.tasklens.domain.archfixture.cyclea.A;

/** With {@link A}, breaks NO_PACKAGE_CYCLES. */
public class B {
    public A a;
}
