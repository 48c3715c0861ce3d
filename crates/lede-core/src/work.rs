//! [`Budget`]: a deterministic count of the work one extraction does, and its limit.

use std::cell::Cell;

/// Units of work spent on one page, against [`Options::max_work`](crate::Options::max_work).
///
/// The core reads no clock (outputs must not depend on the machine's speed), so time is
/// bounded by counting instead: every step of a DOM walk (a child, a descendant, an
/// ancestor) costs one unit. A stage that walks the page a bounded number of times stays
/// far below the limit; one that walks a sibling run once per sibling, or the ancestors of
/// every node of a deep page, runs into it. Once exhausted, walks end early, so even a
/// quadratic loop finishes at once, and the pipeline turns the result into
/// [`Error::WorkBudget`](crate::Error::WorkBudget) instead of an article.
#[derive(Debug)]
pub(crate) struct Budget {
    /// Units spent so far.
    used: Cell<u64>,
    /// Units allowed; `u64::MAX` until the pipeline sets the caller's limit.
    limit: Cell<u64>,
}

impl Budget {
    /// A budget with no limit (tests that build a DOM directly, the parser's own walks).
    pub(crate) fn unlimited() -> Self {
        Budget { used: Cell::new(0), limit: Cell::new(u64::MAX) }
    }

    /// Sets the limit; work already spent counts against it.
    pub(crate) fn set_limit(&self, limit: u64) {
        self.limit.set(limit);
    }

    /// The limit in force.
    pub(crate) fn limit(&self) -> u64 {
        self.limit.get()
    }

    /// Spends one unit. Returns `false` once the budget is exhausted, and from then on.
    #[inline]
    pub(crate) fn charge(&self) -> bool {
        let used = self.used.get();
        if used >= self.limit.get() {
            return false;
        }
        self.used.set(used + 1);
        true
    }

    /// Units spent so far.
    pub(crate) fn used(&self) -> u64 {
        self.used.get()
    }

    /// Whether the work so far has reached the limit.
    pub(crate) fn exhausted(&self) -> bool {
        self.used.get() >= self.limit.get()
    }
}

#[cfg(test)]
mod tests {
    use super::Budget;

    #[test]
    fn charges_until_the_limit_then_refuses() {
        let budget = Budget::unlimited();
        budget.set_limit(3);
        assert!((0..3).all(|_| budget.charge()));
        assert!(budget.exhausted());
        assert!(!budget.charge());
        assert!(!budget.charge(), "stays exhausted");
    }
}
