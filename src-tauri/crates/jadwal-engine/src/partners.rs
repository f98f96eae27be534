//! Influencer partners and their collaborations on campaigns, each checked
//! by the domain's rules before it is stored.

use jadwal_domain::kpi::{Figures, Kpi};
use jadwal_domain::paid as rules;
use jadwal_domain::strategy::optional_note;
use jadwal_domain::{DomainError, validate};
use jadwal_store::Store;
use jadwal_store::partners::{
    CollaborationRecord, CollaborationWrite, PartnerRecord, PartnerWrite,
};

use crate::Engine;
use crate::dto::{CollaborationDto, CollaborationInput, PartnerDto, PartnerInput};
use crate::error::Result;
use crate::paid::kpi_figures;

/// A handle is a name on a network (`@saribakes`), not a note.
const MAX_HANDLE_CHARS: usize = 100;

/// A collaboration has no impressions, so no CPM: what the partner's fee
/// bought per click and what it brought back.
const COLLABORATION_KPIS: [Kpi; 2] = [Kpi::CostPerClick, Kpi::ReturnOnAdSpend];

impl Engine {
    pub fn create_partner(&self, input: &PartnerInput) -> Result<PartnerDto> {
        let write = partner_write(input)?;
        let mut store = self.store()?;
        let id = store.insert_partner(self.workspace_id, &write, self.clock.now())?;
        Ok(partner_dto(store.partner(id)?))
    }

    pub fn update_partner(&self, id: i64, input: &PartnerInput) -> Result<PartnerDto> {
        let write = partner_write(input)?;
        let mut store = self.store()?;
        self.own_partner(&store, id)?;
        store.update_partner(id, &write)?;
        Ok(partner_dto(store.partner(id)?))
    }

    /// Removes the partner and their collaborations.
    pub fn delete_partner(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_partner(&store, id)?;
        Ok(store.delete_partner(id)?)
    }

    pub fn create_collaboration(&self, input: &CollaborationInput) -> Result<CollaborationDto> {
        let mut store = self.store()?;
        let write = self.collaboration_write(&store, input)?;
        let id = store.insert_collaboration(&write, self.clock.now())?;
        Ok(collaboration_dto(store.collaboration(id)?))
    }

    pub fn update_collaboration(
        &self,
        id: i64,
        input: &CollaborationInput,
    ) -> Result<CollaborationDto> {
        let mut store = self.store()?;
        self.own_collaboration(&store, id)?;
        let write = self.collaboration_write(&store, input)?;
        store.update_collaboration(id, &write)?;
        Ok(collaboration_dto(store.collaboration(id)?))
    }

    pub fn delete_collaboration(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_collaboration(&store, id)?;
        Ok(store.delete_collaboration(id)?)
    }

    fn own_partner(&self, store: &Store, id: i64) -> Result<()> {
        self.own(store.partner(id)?.workspace_id, "partner", id)
    }

    fn own_collaboration(&self, store: &Store, id: i64) -> Result<()> {
        self.own(store.collaboration(id)?.workspace_id, "collaboration", id)
    }

    fn collaboration_write(
        &self,
        store: &Store,
        input: &CollaborationInput,
    ) -> Result<CollaborationWrite> {
        self.own_partner(store, input.partner_id)?;
        self.own_campaign(store, input.campaign_id)?;
        Ok(CollaborationWrite {
            partner_id: input.partner_id,
            campaign_id: input.campaign_id,
            reach: rules::optional_count(input.reach, "reach")?,
            clicks: rules::optional_count(input.clicks, "clicks")?,
            conversions: rules::optional_count(input.conversions, "conversions")?,
            revenue: rules::optional_money(input.revenue, "revenue")?,
            cost: rules::optional_money(input.cost, "cost")?,
            post_ids: self.own_posts(store, &input.post_ids)?,
        })
    }
}

pub(crate) fn partner_dtos(store: &Store, workspace_id: i64) -> Result<Vec<PartnerDto>> {
    Ok(store
        .partners(workspace_id)?
        .into_iter()
        .map(partner_dto)
        .collect())
}

pub(crate) fn collaboration_dtos(
    store: &Store,
    workspace_id: i64,
) -> Result<Vec<CollaborationDto>> {
    Ok(store
        .collaborations(workspace_id)?
        .into_iter()
        .map(collaboration_dto)
        .collect())
}

fn partner_write(input: &PartnerInput) -> Result<PartnerWrite> {
    let handle = input.handle.trim();
    let len = handle.chars().count();
    if len > MAX_HANDLE_CHARS {
        return Err(DomainError::NameTooLong {
            len,
            max: MAX_HANDLE_CHARS,
        }
        .into());
    }
    Ok(PartnerWrite {
        name: validate::name(&input.name, "partner")?,
        network: input.network,
        handle: handle.to_owned(),
        audience: rules::optional_count(input.audience, "audience")?,
        engagement_rate: rules::percent(input.engagement_rate, "engagement rate")?,
        rate: rules::optional_money(input.rate, "rate")?,
        notes: optional_note(&input.notes)?,
    })
}

fn partner_dto(r: PartnerRecord) -> PartnerDto {
    let p = r.partner;
    PartnerDto {
        id: r.id,
        name: p.name,
        network: p.network,
        handle: p.handle,
        audience: p.audience,
        engagement_rate: p.engagement_rate,
        rate: p.rate,
        notes: p.notes,
    }
}

fn collaboration_dto(r: CollaborationRecord) -> CollaborationDto {
    let c = r.collaboration;
    let figures = Figures {
        clicks: c.clicks,
        conversions: c.conversions,
        spend: c.cost,
        revenue: c.revenue,
        ..Figures::default()
    };
    CollaborationDto {
        id: r.id,
        partner_id: c.partner_id,
        campaign_id: c.campaign_id,
        reach: c.reach,
        clicks: c.clicks,
        conversions: c.conversions,
        revenue: c.revenue,
        cost: c.cost,
        post_ids: c.post_ids,
        kpis: kpi_figures(&COLLABORATION_KPIS, &figures),
    }
}
