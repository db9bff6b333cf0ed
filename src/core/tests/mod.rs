//! The core's native tests: requests encoded to the wire, answers decoded from it (through
//! serde_json standing in for the engine's `JSON.parse`), and properties over random input.

mod decode;
mod encode;
mod props;
pub mod support;
