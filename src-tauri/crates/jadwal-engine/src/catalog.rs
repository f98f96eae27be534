//! The workspace's channels and labels.

use jadwal_domain::validate;

use crate::dto::{ChannelDto, ChannelInput, LabelDto, LabelInput};
use crate::error::Result;
use crate::{Engine, convert};

impl Engine {
    pub fn channels(&self) -> Result<Vec<ChannelDto>> {
        let store = self.store()?;
        Ok(store
            .channels(self.workspace_id)?
            .into_iter()
            .map(convert::channel)
            .collect())
    }

    pub fn create_channel(&self, input: &ChannelInput) -> Result<ChannelDto> {
        let name = validate::name(&input.name, "channel")?;
        let color = match &input.color {
            Some(c) => validate::color(c)?,
            None => input.network.default_color().to_owned(),
        };
        let mut store = self.store()?;
        let id = store.insert_channel(
            self.workspace_id,
            &name,
            input.network,
            &color,
            self.clock.now(),
        )?;
        Ok(convert::channel(store.channel(id)?))
    }

    /// Renames and recolours a channel; its network never changes.
    pub fn update_channel(&self, id: i64, input: &LabelInput) -> Result<ChannelDto> {
        let name = validate::name(&input.name, "channel")?;
        let color = validate::color(&input.color)?;
        let mut store = self.store()?;
        self.own_channel(&store, id)?;
        store.update_channel(id, &name, &color)?;
        Ok(convert::channel(store.channel(id)?))
    }

    pub fn delete_channel(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.own_channel(&store, id)?;
        store.delete_channel(id, self.clock.now())?;
        Ok(())
    }

    pub fn labels(&self) -> Result<Vec<LabelDto>> {
        let store = self.store()?;
        Ok(store
            .labels(self.workspace_id)?
            .into_iter()
            .map(convert::label)
            .collect())
    }

    pub fn create_label(&self, input: &LabelInput) -> Result<LabelDto> {
        let name = validate::name(&input.name, "label")?;
        let color = validate::color(&input.color)?;
        let mut store = self.store()?;
        let id = store.insert_label(self.workspace_id, &name, &color, self.clock.now())?;
        Ok(convert::label(store.label(id)?))
    }

    pub fn update_label(&self, id: i64, input: &LabelInput) -> Result<LabelDto> {
        let name = validate::name(&input.name, "label")?;
        let color = validate::color(&input.color)?;
        let mut store = self.store()?;
        self.label_record(&store, id)?;
        store.update_label(id, &name, &color)?;
        Ok(convert::label(store.label(id)?))
    }

    pub fn delete_label(&self, id: i64) -> Result<()> {
        let mut store = self.store()?;
        self.label_record(&store, id)?;
        store.delete_label(id, self.clock.now())?;
        Ok(())
    }

    fn own_channel(&self, store: &jadwal_store::Store, id: i64) -> Result<()> {
        self.channel_record(store, id).map(|_| ())
    }

    /// The channel, if it belongs to this workspace.
    pub(crate) fn channel_record(
        &self,
        store: &jadwal_store::Store,
        id: i64,
    ) -> Result<jadwal_store::channels::ChannelRecord> {
        let c = store.channel(id)?;
        if c.workspace_id == self.workspace_id {
            Ok(c)
        } else {
            Err(crate::EngineError::UnknownChannel(id))
        }
    }

    /// The label, if it belongs to this workspace.
    pub(crate) fn label_record(
        &self,
        store: &jadwal_store::Store,
        id: i64,
    ) -> Result<jadwal_store::labels::LabelRecord> {
        let l = store.label(id)?;
        if l.workspace_id == self.workspace_id {
            Ok(l)
        } else {
            Err(crate::EngineError::UnknownLabel(id))
        }
    }
}
