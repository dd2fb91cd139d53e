package dev.tasklens.huawei.archfixture;

/** A class of another adapter, for the fixtures that must not use it. */
public class HuaweiThing {
}
