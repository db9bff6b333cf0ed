//! What the geo and job helpers answer: areas (provinces, counties, cities, job categories),
//! job sub-categories, and the counts of numbers a targeted send would reach.

use serde::{Deserialize, Serialize};

use super::read::Reader;
use crate::core::fields::{FieldError, Fields};
use crate::core::value::Extra;

/// A province, county, city or job category (`provinces`, `counties`, `cities`,
/// `job_categories`): an enumeration id and its name.
///
/// Required: `id` and `name`. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Area {
    /// Its id, for the targeted sends and counts.
    pub id: u32,
    /// Its name (Persian).
    pub name: String,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TryFrom<Fields> for Area {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.code("id", "an area has no id")?;
        let name = f.text("name", "an area has no name")?;
        Ok(Area {
            id,
            name,
            extra: f.rest(&["id", "name"]),
        })
    }
}

/// A job sub-category (`job_sub_categories`), with its main category.
///
/// Required: `id`, `name` and `main_id`; `main_name` is empty when missing. Keys no field maps
/// are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct SubCategory {
    /// Its id, for job sends and counts.
    pub id: u32,
    /// Its name (Persian).
    pub name: String,
    /// Its main category's id.
    pub main_id: u32,
    /// Its main category's name.
    pub main_name: String,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TryFrom<Fields> for SubCategory {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let id = f.code("id", "a sub-category has no id")?;
        let name = f.text("name", "a sub-category has no name")?;
        let main_id = f.code("main_id", "a sub-category has no main_id")?;
        let main_name = f.text_or_empty("main_name")?;
        Ok(SubCategory {
            id,
            name,
            main_id,
            main_name,
            extra: f.rest(&["id", "name", "mainId", "mainName"]),
        })
    }
}

/// How many numbers a geo or job target holds, per operator (`bank_counts`,
/// `job_number_count`).
///
/// All three counts are required. Keys no field maps are kept in `extra`, camelCased.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "Fields")]
pub struct Counts {
    /// On MCI (Hamrah-e Avval).
    pub mci_count: u64,
    /// On Irancell.
    pub irancell_count: u64,
    /// On the other operators.
    pub other_count: u64,
    /// Fields the service sent that no field above maps, keys camelCased.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TryFrom<Fields> for Counts {
    type Error = FieldError;
    fn try_from(f: Fields) -> Result<Self, FieldError> {
        let mut f = Reader::new(f);
        let mci_count = f.count("mci_count", "the counts have no mci_count")?;
        let irancell_count = f.count("irancell_count", "the counts have no irancell_count")?;
        let other_count = f.count("other_count", "the counts have no other_count")?;
        Ok(Counts {
            mci_count,
            irancell_count,
            other_count,
            extra: f.rest(&["mciCount", "irancellCount", "otherCount"]),
        })
    }
}
