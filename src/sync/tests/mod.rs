//! Tests of the sync engine: simulated devices, each with its own replica of the synced
//! folder (as Syncthing keeps one per computer), files delivered between replicas late, out
//! of order, half-written or as an engine's conflict copies.

mod convergence;
mod git;
mod harness;
mod scenarios;
mod scenarios_files;
mod scenarios_plans;
