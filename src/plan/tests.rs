//! Rule tests (rewritten below).
