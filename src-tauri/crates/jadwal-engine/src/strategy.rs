//! The workspace's plan: SWOT board, goals, personas, pillars and rhythm.
//! Every input is checked by the domain's rules before anything is stored.

use jadwal_domain::schedule::parse_date;
use jadwal_domain::strategy::{self as rules, ALL_HOURS};
use jadwal_domain::{DomainError, validate};
use jadwal_store::Store;
use jadwal_store::goals::{GoalRecord, GoalWrite};
use jadwal_store::labels::LabelRecord;
use jadwal_store::personas::{PersonaRecord, PersonaWrite};
use jadwal_store::swot::SwotRecord;

use crate::Engine;
use crate::dto::{
    GoalDto, GoalInput, PersonaDto, PersonaInput, PillarDto, PillarInput, RhythmDto, RhythmInput,
    StrategyDto, SwotItemDto, SwotItemInput,
};
use crate::error::{EngineError, Result};

impl Engine {
    /// The whole plan, for the Strategy screen.
    pub fn strategy(&self) -> Result<StrategyDto> {
        let store = self.store()?;
        let ws = self.workspace_id;
        Ok(StrategyDto {
            swot: store.swot_items(ws)?.into_iter().map(swot_dto).collect(),
            goals: store.goals(ws)?.into_iter().map(goal_dto).collect(),
            personas: store.personas(ws)?.into_iter().map(persona_dto).collect(),
            pillars: pillars(&store, ws)?,
            rhythm: store
                .rhythms(ws)?
                .into_iter()
                .map(|r| RhythmDto {
                    channel_id: r.channel_id,
                    posts_per_week: r.posts_per_week,
                })
                .collect(),
        })
    }

    /// The workspace's goals with their measure (a KPI's own name, or a
    /// count), target, period and channels: what a dashboard measures
    /// progress against.
    pub fn goals(&self) -> Result<Vec<GoalDto>> {
        let store = self.store()?;
        Ok(store
            .goals(self.workspace_id)?
            .into_iter()
            .map(goal_dto)
            .collect())
    }

    // --- SWOT ---

    pub fn add_swot_item(&self, input: &SwotItemInput) -> Result<SwotItemDto> {
        let text = rules::note(&input.text, "SWOT item")?;
        let mut store = self.store()?;
        let id =
            store.insert_swot_item(self.workspace_id, input.quadrant, &text, self.clock.now())?;
        Ok(swot_dto(store.swot_item(id)?))
    }

    pub fn update_swot_item(&self, id: i64, text: &str) -> Result<SwotItemDto> {
        let text = rules::note(text, "SWOT item")?;
        let mut store = self.store()?;
        self.own_swot_item(&store, id)?;
        store.update_swot_item(id, &text)?;
        Ok(swot_dto(store.swot_item(id)?))
    }

    /// Moves an item to `index` within its list (0 = first).
    pub fn move_swot_item(&self, id: i64, index: usize) -> Result<()> {
        let mut store = self.store()?;
        self.own_swot_item(&store, id)?;
        Ok(store.move_swot_item(id, index)?)
    }

    pub fn delete_swot_item(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_swot_item(&store, id)?;
        Ok(store.delete_swot_item(id)?)
    }

    // --- goals ---

    pub fn create_goal(&self, input: &GoalInput) -> Result<GoalDto> {
        let mut store = self.store()?;
        let write = self.goal_write(&store, input)?;
        let id = store.insert_goal(self.workspace_id, &write, self.clock.now())?;
        Ok(goal_dto(store.goal(id)?))
    }

    pub fn update_goal(&self, id: i64, input: &GoalInput) -> Result<GoalDto> {
        let mut store = self.store()?;
        self.own_goal(&store, id)?;
        let write = self.goal_write(&store, input)?;
        store.update_goal(id, &write)?;
        Ok(goal_dto(store.goal(id)?))
    }

    pub fn delete_goal(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_goal(&store, id)?;
        Ok(store.delete_goal(id)?)
    }

    // --- personas ---

    pub fn create_persona(&self, input: &PersonaInput) -> Result<PersonaDto> {
        let write = persona_write(input)?;
        let mut store = self.store()?;
        let id = store.insert_persona(self.workspace_id, &write, self.clock.now())?;
        Ok(persona_dto(store.persona(id)?))
    }

    pub fn update_persona(&self, id: i64, input: &PersonaInput) -> Result<PersonaDto> {
        let write = persona_write(input)?;
        let mut store = self.store()?;
        self.own_persona(&store, id)?;
        store.update_persona(id, &write)?;
        Ok(persona_dto(store.persona(id)?))
    }

    pub fn delete_persona(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_persona(&store, id)?;
        Ok(store.delete_persona(id)?)
    }

    // --- pillars ---

    /// Adds a pillar: the label of that name (any case) becomes one, or a
    /// new label is made, so posts already labelled count at once.
    pub fn add_pillar(&self, input: &PillarInput) -> Result<PillarDto> {
        let name = validate::name(&input.name, "pillar")?;
        let color = validate::color(&input.color)?;
        let mut store = self.store()?;
        let existing = store
            .labels(self.workspace_id)?
            .into_iter()
            .find(|l| l.name.to_lowercase() == name.to_lowercase());
        let others = other_shares(&store, self.workspace_id, existing.as_ref().map(|l| l.id))?;
        let share = rules::pillar_share(input.share, others)?;
        let id = match existing {
            Some(label) => {
                store.update_label(label.id, &label.name, &color)?;
                label.id
            }
            None => store.insert_label(self.workspace_id, &name, &color, self.clock.now())?,
        };
        store.set_label_share(id, Some(share))?;
        pillar_dto(store.label(id)?)
    }

    pub fn update_pillar(&self, label_id: i64, input: &PillarInput) -> Result<PillarDto> {
        let name = validate::name(&input.name, "pillar")?;
        let color = validate::color(&input.color)?;
        let mut store = self.store()?;
        self.label_record(&store, label_id)?;
        let others = other_shares(&store, self.workspace_id, Some(label_id))?;
        let share = rules::pillar_share(input.share, others)?;
        store.update_label(label_id, &name, &color)?;
        store.set_label_share(label_id, Some(share))?;
        pillar_dto(store.label(label_id)?)
    }

    /// The label stops being a pillar; it stays on its posts as a label.
    pub fn remove_pillar(&self, label_id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.label_record(&store, label_id)?;
        Ok(store.set_label_share(label_id, None)?)
    }

    // --- rhythm ---

    pub fn set_rhythm(&self, input: &RhythmInput) -> Result<Vec<RhythmDto>> {
        let per_week = match input.posts_per_week {
            0 => None,
            n => Some(rules::posts_per_week(n)?),
        };
        {
            let mut store = self.store()?;
            self.channel_record(&store, input.channel_id)?;
            store.set_rhythm(input.channel_id, per_week)?;
        }
        Ok(self.strategy()?.rhythm)
    }

    fn goal_write(&self, store: &Store, input: &GoalInput) -> Result<GoalWrite> {
        let target = rules::target(input.target)?;
        let (starts, ends) = rules::period(parse_date(&input.starts)?, parse_date(&input.ends)?)?;
        let mut channel_ids = input.channel_ids.clone();
        channel_ids.sort_unstable();
        channel_ids.dedup();
        for c in &channel_ids {
            self.channel_record(store, *c)?;
        }
        Ok(GoalWrite {
            kind: input.kind,
            measure: input.measure,
            target,
            starts,
            ends,
            channel_ids,
        })
    }

    fn own_swot_item(&self, store: &Store, id: i64) -> Result<()> {
        self.own(store.swot_item(id)?.workspace_id, "SWOT item", id)
    }

    fn own_goal(&self, store: &Store, id: i64) -> Result<()> {
        self.own(store.goal(id)?.workspace_id, "goal", id)
    }

    fn own_persona(&self, store: &Store, id: i64) -> Result<()> {
        self.own(store.persona(id)?.workspace_id, "persona", id)
    }

    pub(crate) fn own(&self, workspace_id: i64, what: &'static str, id: i64) -> Result<()> {
        if workspace_id == self.workspace_id {
            Ok(())
        } else {
            Err(EngineError::NotInPlan { what, id })
        }
    }
}

/// The sum of every pillar's share but `except`'s.
fn other_shares(store: &Store, workspace_id: i64, except: Option<i64>) -> Result<u32> {
    Ok(store
        .labels(workspace_id)?
        .iter()
        .filter(|l| Some(l.id) != except)
        .filter_map(|l| l.target_share)
        .sum())
}

pub(crate) fn pillars(store: &Store, workspace_id: i64) -> Result<Vec<PillarDto>> {
    store
        .labels(workspace_id)?
        .into_iter()
        .filter(|l| l.target_share.is_some())
        .map(pillar_dto)
        .collect()
}

fn pillar_dto(l: LabelRecord) -> Result<PillarDto> {
    let share = l.target_share.ok_or(EngineError::UnknownLabel(l.id))?;
    Ok(PillarDto {
        label_id: l.id,
        name: l.name,
        color: l.color,
        share,
    })
}

fn swot_dto(r: SwotRecord) -> SwotItemDto {
    SwotItemDto {
        id: r.id,
        quadrant: r.quadrant,
        text: r.text,
    }
}

pub(crate) fn goal_dto(r: GoalRecord) -> GoalDto {
    GoalDto {
        id: r.id,
        kind: r.goal.kind,
        kpi: r.goal.measure.kpi().map(|k| k.as_str().to_owned()),
        measure: r.goal.measure,
        target: r.goal.target,
        starts: r.goal.starts.to_string(),
        ends: r.goal.ends.to_string(),
        channel_ids: r.goal.channel_ids,
    }
}

fn persona_write(input: &PersonaInput) -> Result<PersonaWrite> {
    let mut mask = 0u32;
    for h in &input.active_hours {
        if *h > 23 {
            return Err(DomainError::UnknownChoice {
                what: "hour",
                value: h.to_string(),
            }
            .into());
        }
        mask |= 1 << h;
    }
    let mut networks = input.networks.clone();
    networks.sort_unstable();
    networks.dedup();
    Ok(PersonaWrite {
        name: validate::name(&input.name, "persona")?,
        demographics: rules::optional_note(&input.demographics)?,
        interests: rules::optional_note(&input.interests)?,
        behaviour: rules::optional_note(&input.behaviour)?,
        networks,
        active_hours: rules::active_hours(mask & ALL_HOURS)?,
    })
}

fn persona_dto(r: PersonaRecord) -> PersonaDto {
    let p = r.persona;
    PersonaDto {
        id: r.id,
        name: p.name,
        demographics: p.demographics,
        interests: p.interests,
        behaviour: p.behaviour,
        networks: p.networks,
        active_hours: (0u8..24)
            .filter(|h| p.active_hours & (1 << h) != 0)
            .collect(),
    }
}
