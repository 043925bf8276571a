//! `brief figures`: the reconciliation table of every counted thing across the folder.

use std::process::ExitCode;

use super::json::{FigureGroupJson, FiguresJson};
use super::{Failure, print_json, print_out};
use crate::render;
use crate::store::Store;
use crate::xref::CrossRef;

pub fn run(store: &Store, json: bool) -> Result<ExitCode, Failure> {
    let briefings = store.briefings();
    let table = CrossRef::build(&briefings).figure_table(&briefings);
    if json {
        let groups = table.iter().map(|group| FigureGroupJson::new(&briefings, group)).collect();
        return print_json(&FiguresJson { groups });
    }
    print_out(&render::figures::table_text(&briefings, &table))
}
