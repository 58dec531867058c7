package dev.sleet.test;

/** How long a branch given by {@link SleetTest} lives. */
public enum BranchScope {

    /** Each test method gets a fresh branch, dropped after it. */
    TEST,

    /** The test class shares one branch, made before its first test and dropped after its last. */
    CLASS
}
