"""``pratosmartcity:sync_interventions``: sync the interventions store with the municipal API, with a batch policy
for conflicts, for models, scheduled runs and ``qgis_process``."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm

#: The order of the CONFLICT_POLICY choices.
POLICY_VALUES = ("ask", "mine", "theirs", "keep_both")


class SyncInterventionsAlgorithm(PratoAlgorithm):
    STORE, URL, COLLECTION, AUTHCFG, POLICY = "STORE", "API_URL", "COLLECTION", "AUTHCFG", "CONFLICT_POLICY"

    def name(self):
        return "sync_interventions"

    def displayName(self):  # noqa: N802
        return self.tr("Sync interventions with the municipal API")

    def group(self):
        return self.tr("Interventions")

    def groupId(self):  # noqa: N802
        return "interventions"

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Sends the local changes of the interventions store to the municipal API (OGC API - Features), then "
            "receives the changes made by others since the last sync. Nothing is sent twice, and a change never "
            "overwrites a newer version on the server: a feature changed on both sides is a conflict. By default "
            "conflicts are kept for review in the dock; a policy can settle them all (mine: send the local version; "
            "theirs: take the server's; keep both: take the server's and keep the local one as a new "
            "intervention). The API's address, collection and authentication default to the plugin's options.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.STORE, self.tr("Interventions store (empty: the one in the options or the project's folder)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterString(self.URL, self.tr("API address (empty: from the options)"),
                                                       optional=True, defaultValue=""))
        self.addParameter(QgsProcessingParameterString(self.COLLECTION,
                                                       self.tr("Collection (empty: from the options)"),
                                                       optional=True, defaultValue=""))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, self.tr("Authentication (empty: from the options)"), optional=True, defaultValue=""))
        self.addParameter(QgsProcessingParameterEnum(
            self.POLICY, self.tr("Conflicts"),
            [self.tr("Keep them for review"), self.tr("Mine: send the local version"),
             self.tr("Theirs: take the server's version"), self.tr("Keep both")], defaultValue=0))
        for name, title in (("SENT", self.tr("Sent")), ("RECEIVED", self.tr("Received")),
                            ("CONFLICTS", self.tr("Open conflicts")), ("REJECTED", self.tr("Refused"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore
        from prato_smartcity_plugin.adapters.sync_task import ApiConfig, build_engine, store_location
        from prato_smartcity_plugin.core.sync.engine import ConflictPolicy

        path = self.parameterAsFile(parameters, self.STORE, context) or str(store_location(context.project()))
        defaults = ApiConfig.from_settings()
        config = ApiConfig(self.parameterAsString(parameters, self.URL, context).strip() or defaults.base_url,
                           self.parameterAsString(parameters, self.COLLECTION, context).strip()
                           or defaults.collection,
                           self.parameterAsString(parameters, self.AUTHCFG, context) or defaults.authcfg)
        policy = ConflictPolicy(POLICY_VALUES[self.parameterAsEnum(parameters, self.POLICY, context)])
        store = GeoPackageSyncStore(path)
        try:
            engine = build_engine(store, config, progress=lambda value: feedback.setProgress(value * 100),
                                  is_cancelled=feedback.isCanceled)
            summary = engine.sync(policy)
            for uuid, record in engine.rejected().items():
                feedback.reportError(self.tr("Refused {uuid}: {message}").format(uuid=uuid,
                                                                                 message=record.get("message", "")))
        finally:
            store.close()
        feedback.pushInfo(summary.text())
        return {"SENT": summary.sent, "RECEIVED": summary.received, "CONFLICTS": summary.open_conflicts,
                "REJECTED": summary.rejected, "SUMMARY": summary.text()}
