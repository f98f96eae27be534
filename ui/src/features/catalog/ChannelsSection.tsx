import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";

import { ColorField } from "../../components/ColorField";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { queryKeys } from "../../data/queryKeys";
import { useAccountMap, useAccounts } from "../../hooks/useAccounts";
import { useChannels } from "../../hooks/useCatalog";
import { createChannel, deleteChannel, updateChannel, type ChannelDto, type Network } from "../../ipc";
import { NETWORKS } from "../../lib/networks";
import { CatalogRow } from "./CatalogRow";
import { ChannelAccount } from "./ChannelAccount";

/** The places posts go: add, rename, recolour, delete. */
export function ChannelsSection({ nameRef }: { nameRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const channels = useChannels();
  const accounts = useAccounts();
  const accountMap = useAccountMap();
  const [name, setName] = useState("");
  const [network, setNetwork] = useState<Network>("instagram");
  const [color, setColor] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<ChannelDto | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.channels }),
      queryClient.invalidateQueries({ queryKey: queryKeys.posts }),
      queryClient.invalidateQueries({ queryKey: queryKeys.measureRoot }),
      // A deleted channel takes its account with it.
      queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
    ]);

  const add = useMutation({
    mutationFn: () => createChannel({ name, network, color }),
    onSuccess: () => {
      setName("");
      setColor(null);
      void refresh();
      nameRef.current?.focus();
    },
  });

  const update = useMutation({
    mutationFn: ({ id, name: newName, color: newColor }: { id: number; name: string; color: string }) =>
      updateChannel(id, { name: newName, color: newColor }),
    onSuccess: () => void refresh(),
  });

  const remove = useMutation({
    mutationFn: (id: number) => deleteChannel(id),
    onSuccess: () => void refresh(),
    onSettled: () => setToDelete(null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };

  return (
    <section className="catalog-section" aria-labelledby="channels-title">
      <h3 id="channels-title" className="catalog-section__title">
        {t("catalog.channels")}
      </h3>
      <p className="field__hint">{t("catalog.channelsHelp")}</p>

      {channels.data && channels.data.length === 0 ? <p className="catalog-section__empty">{t("catalog.noChannels")}</p> : null}
      <ul className="catalog-list">
        {(channels.data ?? []).map((channel) => (
          <CatalogRow
            key={channel.id}
            kind="channel"
            item={channel}
            subtitle={`${t(`networks.${channel.network}`)} · ${channel.automatic ? t("catalog.automatic") : t("catalog.assisted")}`}
            saving={update.isPending}
            onSave={(newName, newColor) => update.mutateAsync({ id: channel.id, name: newName, color: newColor })}
            onDelete={() => setToDelete(channel)}
            extra={<ChannelAccount channel={channel} account={accounts.isSuccess ? (accountMap.get(channel.id) ?? null) : undefined} />}
          />
        ))}
      </ul>
      <ErrorNotice error={update.error ?? remove.error} />
      <ErrorNotice error={accounts.error} testId="accounts-error" />

      <form className="catalog-form" onSubmit={submit}>
        <h4 className="catalog-form__title">{t("catalog.addChannel")}</h4>
        <label className="field">
          <span className="field__label">{t("catalog.channelName")}</span>
          <input
            ref={nameRef}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t("catalog.channelNamePlaceholder")}
            maxLength={60}
            data-testid="channel-name"
          />
        </label>
        <label className="field">
          <span className="field__label">{t("catalog.network")}</span>
          <select value={network} onChange={(event) => setNetwork(event.target.value as Network)} data-testid="channel-network">
            {NETWORKS.map((value) => (
              <option key={value} value={value}>
                {t(`networks.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <ColorField label={t("catalog.color")} value={color} onChange={setColor} allowDefault testId="channel-color" />
        <ErrorNotice error={add.error} testId="channel-error" />
        <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="channel-add">
          {t("catalog.add")}
        </button>
      </form>

      {toDelete ? (
        <ConfirmDialog
          title={t("catalog.deleteChannelTitle", { name: toDelete.name })}
          confirmLabel={t("catalog.delete")}
          danger
          busy={remove.isPending}
          onConfirm={() => remove.mutate(toDelete.id)}
          onCancel={() => setToDelete(null)}
        >
          <p>{t("catalog.deleteChannelBody")}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
