<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
    <context>
        <name>CataloguePanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="77" />
            <source>CKAN portals: add or remove them in Settings ▸ Options ▸ Prato Smart City</source>
            <translation>Portali CKAN: aggiungili o rimuovili in Impostazioni ▸ Opzioni ▸ Prato Smart City</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="80" />
            <source>Portal</source>
            <translation>Portale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="88" />
            <source>Search datasets, e.g. ciclabili</source>
            <translation>Cerca dataset, ad es. ciclabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="90" />
            <source>Search</source>
            <translation>Cerca</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="95" />
            <source>Relevance</source>
            <translation>Pertinenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="96" />
            <source>Last modified</source>
            <translation>Ultima modifica</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="104" />
            <source>Organisation</source>
            <translation>Organizzazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="104" />
            <source>Category</source>
            <translation>Categoria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="152" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="105" />
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="105" />
            <source>Licence</source>
            <translation>Licenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="110" />
            <source>All</source>
            <translation>Tutti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="131" />
            <source>◀ Previous</source>
            <translation>◀ Precedenti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="134" />
            <source>Next ▶</source>
            <translation>Successivi ▶</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="176" />
            <source>Resource</source>
            <translation>Risorsa</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="176" />
            <source>Size</source>
            <translation>Dimensione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="152" />
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="157" />
            <source>Add to map</source>
            <translation>Aggiungi alla mappa</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="160" />
            <source>Show dataset page</source>
            <translation>Mostra la pagina del dataset</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="168" />
            <source>Offline cache</source>
            <translation>Cache offline</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="176" />
            <source>Retrieved</source>
            <translation>Scaricato il</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="182" />
            <source>Remove selected</source>
            <translation>Rimuovi selezionati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="185" />
            <source>Clear cache</source>
            <translation>Svuota la cache</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="244" />
            <source>Searching…</source>
            <translation>Ricerca in corso…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="252" />
            <source>Searching the open data catalogue</source>
            <translation>Ricerca nel catalogo dei dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="280" />
            <source>The portal cannot be reached: these results come from the offline catalogue (datasets seen before).</source>
            <translation>Il portale non è raggiungibile: questi risultati vengono dal catalogo offline (dataset già consultati).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="283" />
            <source>No dataset found.</source>
            <translation>Nessun dataset trovato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="294" />
            <source>{first}–{last} of {count}</source>
            <translation>{first}–{last} di {count}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="314" />
            <source>not stated</source>
            <translation>non indicata</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="329" />
            <source>This format cannot be loaded as a layer.</source>
            <translation>Questo formato non può essere caricato come layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_panel.py" line="376" />
            <source>{count} resources kept for offline use, {size} on disk</source>
            <translation>{count} risorse conservate per l'uso offline, {size} su disco</translation>
        </message>
    </context>
    <context>
        <name>CatalogueTask</name>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_tasks.py" line="96" />
            <source>Cancelled.</source>
            <translation>Annullato.</translation>
        </message>
    </context>
    <context>
        <name>ClashesWidget</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="122" />
            <source> m</source>
            <translation> m</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="124" />
            <source>Road works on the same street closer than this clash</source>
            <translation>I lavori sulla stessa strada più vicini di questa distanza sono in interferenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="126" />
            <source>Same street within</source>
            <translation>Stessa strada entro</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="129" />
            <source>Also works of the same responsible body</source>
            <translation>Anche lavori dello stesso ente responsabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="129" />
            <source>Also cancelled and completed works</source>
            <translation>Anche lavori annullati e completati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="129" />
            <source>Missing dates mean open-ended works</source>
            <translation>Le date mancanti indicano lavori aperti (senza inizio o senza fine)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="129" />
            <source>Warn when a clashing road work is saved</source>
            <translation>Avvisa quando si salva un cantiere stradale in interferenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="141" />
            <source>Check road works clashes</source>
            <translation>Verifica le interferenze tra cantieri</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="145" />
            <source>Processing…</source>
            <translation>Processing…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="146" />
            <source>Open the algorithm, to choose the layers and write a table or a report</source>
            <translation>Apri l'algoritmo, per scegliere i layer e produrre una tabella o un report</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="165" />
            <source>The Processing provider of the plugin is not loaded.</source>
            <translation>Il provider Processing del plugin non è caricato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="187" />
            <source>Checking…</source>
            <translation>Verifica in corso…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="195" />
            <source>The clash check failed.</source>
            <translation>La verifica delle interferenze non è riuscita.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="203" />
            <source>Road works clashes</source>
            <translation>Interferenze tra cantieri</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="205" />
            <source>{n} clashes among {m} road works.</source>
            <translation>{n} interferenze tra {m} cantieri stradali.</translation>
        </message>
    </context>
    <context>
        <name>CycleBeforeAfterAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="540" />
            <source>Cycle network before / after planned links</source>
            <translation>Rete ciclabile prima / dopo i collegamenti previsti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="543" />
            <source>Merges planned links (any line layer, or the line interventions of category 'cycle link') into the network and reports every measure before and after, with the change.</source>
            <translation>Unisce alla rete i collegamenti previsti (un qualsiasi layer lineare, o gli interventi lineari di categoria 'collegamento ciclabile') e riporta ogni misura prima e dopo, con la variazione.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="573" />
            <source>Planned links</source>
            <translation>Collegamenti previsti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="550" />
            <source>Only interventions of category 'cycle link' (when the layer has a 'category' field)</source>
            <translation>Solo gli interventi di categoria 'collegamento ciclabile' (se il layer ha un campo 'category')</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="553" />
            <source>Areas (districts or any polygons)</source>
            <translation>Aree (quartieri o poligoni qualsiasi)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="556" />
            <source>Area name field</source>
            <translation>Campo del nome dell'area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="558" />
            <source>Network after, with components</source>
            <translation>Rete dopo, con le componenti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="573" />
            <source>planned</source>
            <translation>previsto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="588" />
            <source>Cycle network before / after</source>
            <translation>Rete ciclabile prima / dopo</translation>
        </message>
    </context>
    <context>
        <name>CycleCatchmentAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="526" />
            <source>Cycle network catchment</source>
            <translation>Bacino d'utenza della rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="444" />
            <source>Share of a point layer (schools, stations, bus stops; optionally weighted by a field) and of an area (the union of a polygon layer) within a distance of the cycle network, measured in the analysis CRS.</source>
            <translation>Quota di un layer di punti (scuole, stazioni, fermate dell'autobus; eventualmente pesati con un campo) e di un'area (l'unione di un layer poligonale) entro una distanza dalla rete ciclabile, misurata nel SR di analisi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="450" />
            <source>Distance (metres)</source>
            <translation>Distanza (metri)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="452" />
            <source>Points (schools, stations, stops)</source>
            <translation>Punti (scuole, stazioni, fermate)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="455" />
            <source>Weight field</source>
            <translation>Campo del peso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="458" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="460" />
            <source>Points with their distance</source>
            <translation>Punti con la loro distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="462" />
            <source>Area within the distance</source>
            <translation>Area entro la distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="491" />
            <source>{count} points without geometry skipped.</source>
            <translation>{count} punti senza geometria ignorati.</translation>
        </message>
    </context>
    <context>
        <name>CycleImportAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="235" />
            <source>Import cycle paths (typed schema)</source>
            <translation>Importa percorsi ciclabili (schema tipizzato)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="238" />
            <source>Copies a line layer onto the cycle-path schema (name, kind, surface, one-way, lit, source...). OpenStreetMap tags (a nested 'tags' object or one field per key) give the kind: separate track, lane, shared with pedestrians, shared with traffic, other. Fields chosen below win over the tags. Null, zero-length and non-line geometries are skipped and counted; multi-part lines are split.</source>
            <translation>Copia un layer lineare nello schema dei percorsi ciclabili (nome, tipo, fondo, senso unico, illuminazione, fonte...). I tag OpenStreetMap (un oggetto 'tags' annidato o un campo per chiave) determinano il tipo: pista separata, corsia, promiscuo con pedoni, promiscuo con traffico, altro. I campi scelti qui sotto prevalgono sui tag. Le geometrie nulle, di lunghezza zero o non lineari sono ignorate e contate; le linee multiparte sono suddivise.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="247" />
            <source>Field for '{field}' (optional)</source>
            <translation>Campo per '{field}' (facoltativo)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="250" />
            <source>Cycle paths</source>
            <translation>Percorsi ciclabili</translation>
        </message>
    </context>
    <context>
        <name>CycleMissingLinksAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="424" />
            <source>Cycle network missing links</source>
            <translation>Collegamenti mancanti della rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="369" />
            <source>Candidate new links between DIFFERENT components of the network closer than the search distance, the shortest per pair of components, ranked by network joined per metre of new path (length of both components / link length). Links crossing a barrier (river, railway: lines or polygons) are left out and the next shortest one is tried.</source>
            <translation>Nuovi collegamenti candidati tra componenti DIVERSE della rete più vicine della distanza di ricerca, il più breve per ogni coppia di componenti, ordinati per rete collegata per metro di nuovo percorso (lunghezza delle due componenti / lunghezza del collegamento). I collegamenti che attraversano una barriera (fiume, ferrovia: linee o poligoni) sono esclusi e si prova il successivo più breve.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="376" />
            <source>Search distance (metres)</source>
            <translation>Distanza di ricerca (metri)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="378" />
            <source>Links start from</source>
            <translation>I collegamenti partono da</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="378" />
            <source>Dangling ends</source>
            <translation>Estremità libere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="378" />
            <source>Every end of a path</source>
            <translation>Ogni estremità di un percorso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="378" />
            <source>Any vertex (closest approach of two paths)</source>
            <translation>Qualsiasi vertice (punto di massimo avvicinamento di due percorsi)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="382" />
            <source>Barriers not to cross (rivers, railways)</source>
            <translation>Barriere da non attraversare (fiumi, ferrovie)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="385" />
            <source>Best links to keep (0 = all)</source>
            <translation>Migliori collegamenti da tenere (0 = tutti)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="388" />
            <source>Missing links</source>
            <translation>Collegamenti mancanti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="404" />
            <source>Searching missing links…</source>
            <translation>Ricerca dei collegamenti mancanti…</translation>
        </message>
    </context>
    <context>
        <name>CycleNetworkMeasuresAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="346" />
            <source>Cycle network measures</source>
            <translation>Misure della rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="287" />
            <source>Total length by kind and by area, connected components (an end joins any other path within the snapping tolerance; paths that cross at a shared node are joined, bridges without one are not), component id and length per segment, dangling ends. Lengths are measured in the analysis CRS; an edge digitised twice counts once.</source>
            <translation>Lunghezza totale per tipo e per area, componenti connesse (un'estremità si unisce a qualsiasi altro percorso entro la tolleranza di aggancio; i percorsi che si incrociano in un nodo comune sono uniti, i ponti senza nodo no), identificativo e lunghezza della componente per ogni tratto, estremità libere. Le lunghezze sono misurate nel SR di analisi; un arco digitalizzato due volte conta una volta sola.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="294" />
            <source>Areas (districts or any polygons)</source>
            <translation>Aree (quartieri o poligoni qualsiasi)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="297" />
            <source>Area name field</source>
            <translation>Campo del nome dell'area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="299" />
            <source>Cycle network with components</source>
            <translation>Rete ciclabile con le componenti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="301" />
            <source>Dangling ends</source>
            <translation>Estremità libere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="323" />
            <source>Measuring the network…</source>
            <translation>Misura della rete in corso…</translation>
        </message>
    </context>
    <context>
        <name>CyclingPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="152" />
            <source>Cycle paths</source>
            <translation>Percorsi ciclabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="157" />
            <source>Load…</source>
            <translation>Carica…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="159" />
            <source>Load cycle paths from a file (OpenStreetMap GeoJSON, shapefile, GeoPackage) as a typed layer styled by kind</source>
            <translation>Carica i percorsi ciclabili da un file (GeoJSON di OpenStreetMap, shapefile, GeoPackage) come layer tipizzato con stile per tipo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="163" />
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="169" />
            <source>Areas (districts)</source>
            <translation>Aree (quartieri)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="170" />
            <source>Area name</source>
            <translation>Nome dell'area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="172" />
            <source>Path ends closer than this to another path are connected</source>
            <translation>Le estremità dei percorsi più vicine di così a un altro percorso sono collegate</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="173" />
            <source>Snapping tolerance</source>
            <translation>Tolleranza di aggancio</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="174" />
            <source>Measure the network</source>
            <translation>Misura la rete</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="439" />
            <source>Missing links</source>
            <translation>Collegamenti mancanti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="183" />
            <source>Search distance</source>
            <translation>Distanza di ricerca</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="185" />
            <source>Links must not cross this layer (river, railway)</source>
            <translation>I collegamenti non devono attraversare questo layer (fiume, ferrovia)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="186" />
            <source>Barriers</source>
            <translation>Barriere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="187" />
            <source>Find the best missing links</source>
            <translation>Trova i migliori collegamenti mancanti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="193" />
            <source>Catchment</source>
            <translation>Bacino d'utenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="202" />
            <source>Points (schools, stops)</source>
            <translation>Punti (scuole, fermate)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="203" />
            <source>Weight</source>
            <translation>Peso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="204" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="205" />
            <source>Distance</source>
            <translation>Distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="206" />
            <source>Measure the catchment</source>
            <translation>Misura il bacino d'utenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="212" />
            <source>Before / after</source>
            <translation>Prima / dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="217" />
            <source>Draw…</source>
            <translation>Disegna…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="219" />
            <source>Create a layer for drawing planned links and start editing it</source>
            <translation>Crea un layer per disegnare i collegamenti previsti e avvia la modifica</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="222" />
            <source>Planned links</source>
            <translation>Collegamenti previsti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="223" />
            <source>Selected features only</source>
            <translation>Solo gli elementi selezionati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="226" />
            <source>Compare before / after</source>
            <translation>Confronta prima / dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="255" />
            <source>Copy table</source>
            <translation>Copia la tabella</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="281" />
            <source>An analysis of the cycle network is already running.</source>
            <translation>Un'analisi della rete ciclabile è già in corso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="304" />
            <source>The analysis failed: see the log.</source>
            <translation>L'analisi non è riuscita: vedi il log.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="326" />
            <source>Choose or load a cycle path layer first.</source>
            <translation>Scegli o carica prima un layer di percorsi ciclabili.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="393" />
            <source>Table copied: paste it into a document or a spreadsheet.</source>
            <translation>Tabella copiata: incollala in un documento o in un foglio di calcolo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="398" />
            <source>Load cycle paths</source>
            <translation>Carica percorsi ciclabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="398" />
            <source>Vector files (*.geojson *.json *.gpkg *.shp *.kml);;All files (*)</source>
            <translation>File vettoriali (*.geojson *.json *.gpkg *.shp *.kml);;Tutti i file (*)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="425" />
            <source>Cycle network components</source>
            <translation>Componenti della rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="426" />
            <source>Dangling ends</source>
            <translation>Estremità libere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="452" />
            <source>No missing link shorter than {distance} m.</source>
            <translation>Nessun collegamento mancante più corto di {distance} m.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="485" />
            <source>Catchment: points</source>
            <translation>Bacino d'utenza: punti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="487" />
            <source>Catchment: area</source>
            <translation>Bacino d'utenza: area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="492" />
            <source>Planned cycle links</source>
            <translation>Collegamenti ciclabili previsti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="499" />
            <source>Draw the planned links in "{layer}", then compare.</source>
            <translation>Disegna i collegamenti previsti in "{layer}", poi confronta.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="507" />
            <source>Choose a layer of planned links (or draw one).</source>
            <translation>Scegli un layer di collegamenti previsti (o disegnane uno).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="509" />
            <source>No planned link is selected.</source>
            <translation>Nessun collegamento previsto è selezionato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/cycling_panel.py" line="521" />
            <source>Cycle network after</source>
            <translation>Rete ciclabile dopo</translation>
        </message>
    </context>
    <context>
        <name>DownloadOpenDataResource</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="31" />
            <source>Download open data resource</source>
            <translation>Scarica una risorsa dei dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="34" />
            <source>Open data</source>
            <translation>Dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="40" />
            <source>Downloads a resource of a CKAN open data portal (API v3) into the plugin's offline cache, or reuses the cached copy when the portal says it has not changed or cannot be reached, and writes it as a layer (a GeoPackage by default). The layer keeps the dataset's title, licence and links in its metadata. PORTAL is the portal's address or the name of a portal in the plugin's options; DATASET and RESOURCE are ids or names (an empty RESOURCE takes the dataset's first resource that can be loaded). CRS is used only when the resource does not tell its own.</source>
            <translation>Scarica una risorsa di un portale di dati aperti CKAN (API v3) nella cache offline del plugin, o riusa la copia in cache quando il portale indica che non è cambiata o non è raggiungibile, e la scrive come layer (per impostazione predefinita un GeoPackage). Il layer conserva nei metadati il titolo, la licenza e i collegamenti del dataset. PORTALE è l'indirizzo del portale o il nome di un portale nelle opzioni del plugin; DATASET e RISORSA sono id o nomi (una RISORSA vuota prende la prima risorsa del dataset che si può caricare). Il SR si usa solo quando la risorsa non indica il proprio.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="52" />
            <source>Portal (address or name)</source>
            <translation>Portale (indirizzo o nome)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="53" />
            <source>Dataset (id or name)</source>
            <translation>Dataset (id o nome)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="54" />
            <source>Resource (id or name)</source>
            <translation>Risorsa (id o nome)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="56" />
            <source>CRS when the resource does not tell</source>
            <translation>SR se la risorsa non lo indica</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="58" />
            <source>Open data layer</source>
            <translation>Layer dei dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="81" />
            <source>The dataset {name} has no resource that can be loaded as a layer.</source>
            <translation>Il dataset {name} non ha alcuna risorsa che si possa caricare come layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="84" />
            <source>Resource: {name} ({url})</source>
            <translation>Risorsa: {name} ({url})</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="93" />
            <source>Cancelled.</source>
            <translation>Annullato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="99" />
            <source>{name} is a map image service (WMS): add it to the map from the catalogue; it cannot be written as features.</source>
            <translation>{name} è un servizio di mappe come immagine (WMS): aggiungilo alla mappa dal catalogo; non può essere scritto come elementi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/download_open_data.py" line="102" />
            <source>The resource holds {count} layers; the first one is written.</source>
            <translation>La risorsa contiene {count} layer; viene scritto il primo.</translation>
        </message>
    </context>
    <context>
        <name>ExportContractorPackage</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="52" />
            <source>Export contractor package</source>
            <translation>Esporta il pacchetto per le imprese</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="55" />
            <source>Export</source>
            <translation>Esportazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="61" />
            <source>Writes a ZIP for contractors: one shapefile per layer and geometry type (points, lines, polygons) in the chosen CRS, with .prj and UTF-8 .cpg, readable 10-character field names, dates as dates, coded values as Italian labels (option), long texts split or truncated, and LEGGIMI.txt / README.txt listing files, field names, labels, CRS, counts and the attribution and licence of every layer. Every file is re-read and checked before the ZIP is written.</source>
            <translation>Scrive uno ZIP per le imprese: uno shapefile per layer e tipo di geometria (punti, linee, poligoni) nel SR scelto, con .prj e .cpg UTF-8, nomi di campo leggibili di 10 caratteri, date come date, valori codificati come etichette italiane (opzione), testi lunghi suddivisi o troncati, e LEGGIMI.txt / README.txt con l'elenco di file, nomi di campo, etichette, SR, conteggi e l'attribuzione e la licenza di ogni layer. Ogni file viene riletto e verificato prima di scrivere lo ZIP.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="69" />
            <source>Layers</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="71" />
            <source>Selected features only</source>
            <translation>Solo gli elementi selezionati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="72" />
            <source>Coordinate reference system</source>
            <translation>Sistema di riferimento</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="73" />
            <source>Coded values as Italian labels</source>
            <translation>Valori codificati come etichette italiane</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="75" />
            <source>Text longer than 254 bytes</source>
            <translation>Testo più lungo di 254 byte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="75" />
            <source>Split into continuation fields</source>
            <translation>Suddividi in campi di continuazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="75" />
            <source>Truncate (with a warning)</source>
            <translation>Tronca (con un avviso)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="78" />
            <source>Field names (original=short; …)</source>
            <translation>Nomi dei campi (originale=breve; …)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="80" />
            <source>Add a GeoPackage copy</source>
            <translation>Aggiungi una copia GeoPackage</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="81" />
            <source>Add DXF copies</source>
            <translation>Aggiungi copie DXF</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="82" />
            <source>Package</source>
            <translation>Pacchetto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="82" />
            <source>ZIP files (*.zip)</source>
            <translation>File ZIP (*.zip)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="84" />
            <source>Features written</source>
            <translation>Elementi scritti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="85" />
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="95" />
            <source>Choose at least one layer to export.</source>
            <translation>Scegli almeno un layer da esportare.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="70" />
            <source>Export contractor package</source>
            <translation>Esporta il pacchetto per le imprese</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="88" />
            <source>Layers</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="89" />
            <source>Selected features only</source>
            <translation>Solo gli elementi selezionati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="95" />
            <source>CRS</source>
            <translation>SR</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="96" />
            <source>Coded values as Italian labels</source>
            <translation>Valori codificati come etichette italiane</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="102" />
            <source>Split into continuation fields</source>
            <translation>Suddividi in campi di continuazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="103" />
            <source>Truncate (with a warning)</source>
            <translation>Tronca (con un avviso)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="104" />
            <source>Text over 254 bytes</source>
            <translation>Testo oltre 254 byte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="105" />
            <source>Add a GeoPackage copy</source>
            <translation>Aggiungi una copia GeoPackage</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="106" />
            <source>Add DXF copies</source>
            <translation>Aggiungi copie DXF</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="112" />
            <source>ZIP files (*.zip)</source>
            <translation>File ZIP (*.zip)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="115" />
            <source>Package</source>
            <translation>Pacchetto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="119" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="119" />
            <source>Shapefile name (editable)</source>
            <translation>Nome nello shapefile (modificabile)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="123" />
            <source>At most 10 letters, digits or underscores, starting with a letter; the same name for the same field every time.</source>
            <translation>Al massimo 10 lettere, cifre o trattini bassi, iniziando con una lettera; sempre lo stesso nome per lo stesso campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="135" />
            <source>The files written and the verification report appear here.</source>
            <translation>Qui compaiono i file scritti e il report di verifica.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="138" />
            <source>Export</source>
            <translation>Esportazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="195" />
            <source>Choose at least one layer to export.</source>
            <translation>Scegli almeno un layer da esportare.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="200" />
            <source>Choose where to save the package.</source>
            <translation>Scegli dove salvare il pacchetto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="210" />
            <source>Exporting…</source>
            <translation>Esportazione in corso…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="213" />
            <source>Contractor package</source>
            <translation>Pacchetto per le imprese</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="234" />
            <source>Package written and verified: {path}</source>
            <translation>Pacchetto scritto e verificato: {path}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_dialog.py" line="237" />
            <source>The export was cancelled.</source>
            <translation>L'esportazione è stata annullata.</translation>
        </message>
    </context>
    <context>
        <name>ExportPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_panel.py" line="14" />
            <source>Contractor package: shapefiles (one per geometry type) in the CRS the contractor asks for, with readable field names, Italian labels, UTF-8 text and a LEGGIMI/README, verified before it is zipped.</source>
            <translation>Pacchetto per le imprese: shapefile (uno per tipo di geometria) nel SR richiesto dall'impresa, con nomi di campo leggibili, etichette italiane, testo UTF-8 e un LEGGIMI/README, verificati prima della compressione.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/export_panel.py" line="20" />
            <source>Export contractor package…</source>
            <translation>Esporta il pacchetto per le imprese…</translation>
        </message>
    </context>
    <context>
        <name>FieldPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="35" />
            <source>Prepare for the field</source>
            <translation>Preparazione per il campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="37" />
            <source>Copies the project for an area into a folder you can take on a laptop with no network: layers clipped to the area, the basemap cached, the interventions store with its change log.</source>
            <translation>Copia il progetto di un'area in una cartella da portare su un portatile senza rete: layer ritagliati sull'area, mappa di base in cache, archivio degli interventi con il suo registro delle modifiche.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="46" />
            <source>Prepare field kit…</source>
            <translation>Prepara il kit per il rilievo sul campo…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="52" />
            <source>In the field</source>
            <translation>Sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="58" />
            <source>Add intervention at GPS position</source>
            <translation>Aggiungi un intervento nella posizione GPS</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="64" />
            <source>Back from the field</source>
            <translation>Rientro dal campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="70" />
            <source>Sync the field edits now</source>
            <translation>Sincronizza ora le modifiche fatte sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="98" />
            <source>GPS position: {lat:.6f} N, {lon:.6f} E</source>
            <translation>Posizione GPS: {lat:.6f} N, {lon:.6f} E</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="100" />
            <source>GPS connected, waiting for a position…</source>
            <translation>GPS collegato, in attesa di una posizione…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="102" />
            <source>No GPS connected (View ▸ Panels ▸ GPS Information).</source>
            <translation>Nessun GPS collegato (Visualizza ▸ Pannelli ▸ Informazioni GPS).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="108" />
            <source>This project is not a field kit. Changes waiting to be synced: {n}</source>
            <translation>Questo progetto non è un kit per il rilievo sul campo. Modifiche in attesa di sincronizzazione: {n}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="112" />
            <source>Field kit prepared on {date}. Field changes waiting to be synced: {n}</source>
            <translation>Kit per il rilievo sul campo preparato il {date}. Modifiche sul campo in attesa di sincronizzazione: {n}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="152" />
            <source>Field kit ready</source>
            <translation>Kit per il rilievo sul campo pronto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/field_panel.py" line="153" />
            <source>Open the field kit</source>
            <translation>Apri il kit per il rilievo sul campo</translation>
        </message>
    </context>
    <context>
        <name>HomePanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/home_panel.py" line="18" />
            <source>&lt;b&gt;Prato Smart City&lt;/b&gt;&lt;br&gt;Open data, Wi-Fi and cycle network planning, interventions, sync with the municipal API and contractor export for the Comune di Prato.</source>
            <translation>&lt;b&gt;Prato Smart City&lt;/b&gt;&lt;br&gt;Dati aperti, pianificazione del Wi-Fi e della rete ciclabile, interventi, sincronizzazione con l'API comunale ed esportazione per le imprese, per il Comune di Prato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/home_panel.py" line="52" />
            <source>Open the Prato demo project</source>
            <translation>Apri il progetto dimostrativo di Prato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/home_panel.py" line="26" />
            <source>The comune boundary, the Wi-Fi coverage areas and the cycle paths of Prato, in EPSG:6707. A copy in your QGIS profile is opened: you can edit and save it.</source>
            <translation>Il confine comunale, le aree di copertura Wi-Fi e i percorsi ciclabili di Prato, in EPSG:6707. Si apre una copia nel tuo profilo QGIS: puoi modificarla e salvarla.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/home_panel.py" line="31" />
            <source>Settings…</source>
            <translation>Impostazioni…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/home_panel.py" line="52" />
            <source>The current project has unsaved changes. Save them before opening the demo project?</source>
            <translation>Il progetto corrente ha modifiche non salvate. Salvarle prima di aprire il progetto dimostrativo?</translation>
        </message>
    </context>
    <context>
        <name>InterventionsPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="64" />
            <source>Category</source>
            <translation>Categoria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="65" />
            <source>Status</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="66" />
            <source>Responsible body</source>
            <translation>Ente responsabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="73" />
            <source>Dates</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="76" />
            <source>Title, street, description…</source>
            <translation>Titolo, via, descrizione…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="78" />
            <source>Search</source>
            <translation>Cerca</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="82" />
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="98" />
            <source>Zoom to</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="99" />
            <source>Open form</source>
            <translation>Apri il modulo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="100" />
            <source>Delete</source>
            <translation>Elimina</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="101" />
            <source>Refresh</source>
            <translation>Aggiorna</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="132" />
            <source>All</source>
            <translation>Tutti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="177" />
            <source>Store: {path}</source>
            <translation>Archivio: {path}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="179" />
            <source>The store will be created with the first intervention.</source>
            <translation>L'archivio verrà creato con il primo intervento.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="184" />
            <source>Changes not yet synced: unknown</source>
            <translation>Modifiche non ancora sincronizzate: sconosciute</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="187" />
            <source>Changes not yet synced: {n}</source>
            <translation>Modifiche non ancora sincronizzate: {n}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="191" />
            <source>Point</source>
            <translation>Punto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="191" />
            <source>Line</source>
            <translation>Linea</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="192" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="222" />
            <source>Select an intervention in the list first.</source>
            <translation>Seleziona prima un intervento nell'elenco.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="257" />
            <source>Delete intervention</source>
            <translation>Elimina intervento</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_panel.py" line="257" />
            <source>Delete the intervention “{title}”? The deletion is recorded for sync.</source>
            <translation>Eliminare l'intervento “{title}”? L'eliminazione viene registrata per la sincronizzazione.</translation>
        </message>
    </context>
    <context>
        <name>PortalsEditor</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_portals.py" line="33" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_portals.py" line="33" />
            <source>CKAN API address</source>
            <translation>Indirizzo dell'API CKAN</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_portals.py" line="45" />
            <source>Add portal</source>
            <translation>Aggiungi portale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_portals.py" line="48" />
            <source>Remove</source>
            <translation>Rimuovi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_portals.py" line="51" />
            <source>Restore defaults</source>
            <translation>Ripristina i valori predefiniti</translation>
        </message>
    </context>
    <context>
        <name>PratoDock</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="63" />
            <source>Prato Smart City</source>
            <translation>Prato Smart City</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="78" />
            <source>No capability installed.</source>
            <translation>Nessuna funzionalità installata.</translation>
        </message>
    </context>
    <context>
        <name>PratoOptionsPage</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="38" />
            <source>Interventions</source>
            <translation>Interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="42" />
            <source>Surveyor name</source>
            <translation>Nome del rilevatore</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="46" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="48" />
            <source>interventions.gpkg in the project's folder</source>
            <translation>interventions.gpkg nella cartella del progetto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="49" />
            <source>Interventions store</source>
            <translation>Archivio degli interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="52" />
            <source>One per line: code=Name, e.g. gida=GIDA S.p.A.</source>
            <translation>Uno per riga: codice=Nome, ad es. gida=GIDA S.p.A.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="54" />
            <source>More responsible bodies</source>
            <translation>Altri enti responsabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="57" />
            <source>Municipal API</source>
            <translation>API comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="62" />
            <source>Base URL</source>
            <translation>URL di base</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="65" />
            <source>Collection</source>
            <translation>Collezione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="69" />
            <source>Authentication</source>
            <translation>Autenticazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="73" />
            <source>Never</source>
            <translation>Mai</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="74" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="76" />
            <source>Sync automatically every</source>
            <translation>Sincronizza automaticamente ogni</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="79" />
            <source>Open data</source>
            <translation>Dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="86" />
            <source>Ask before downloading more than</source>
            <translation>Chiedi prima di scaricare più di</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="91" />
            <source>In the QGIS profile folder</source>
            <translation>Nella cartella del profilo QGIS</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="92" />
            <source>Cache folder</source>
            <translation>Cartella della cache</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/options_page.py" line="96" />
            <source>CKAN portals</source>
            <translation>Portali CKAN</translation>
        </message>
    </context>
    <context>
        <name>PratoSmartCity</name>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/demo_project.py" line="32" />
            <source>The demo project is missing from the plugin.</source>
            <translation>Il progetto dimostrativo manca dal plugin.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/road_works.py" line="137" />
            <source>its dates cannot be read ({error})</source>
            <translation>le sue date non si possono leggere ({error})</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="27" />
            <source>Road works clashes</source>
            <translation>Interferenze tra cantieri</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/catchment.py" line="53" />
            <source>The catchment distance must be greater than zero.</source>
            <translation>La distanza del bacino d'utenza deve essere maggiore di zero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/catchment.py" line="66" />
            <source>There must be one weight per point.</source>
            <translation>Ci deve essere un peso per ogni punto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/catchment.py" line="68" />
            <source>Point weights must be finite and not negative.</source>
            <translation>I pesi dei punti devono essere finiti e non negativi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/catchment.py" line="96" />
            <source>The catchment area is empty.</source>
            <translation>L'area del bacino d'utenza è vuota.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="299" />
            <source>no geometry</source>
            <translation>senza geometria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="30" />
            <source>not a line</source>
            <translation>non lineare</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="31" />
            <source>zero length</source>
            <translation>lunghezza zero</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="32" />
            <source>invalid coordinates</source>
            <translation>coordinate non valide</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="36" />
            <source>multi-part lines split into parts</source>
            <translation>linee multiparte suddivise in parti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="37" />
            <source>Z/M values ignored</source>
            <translation>valori Z/M ignorati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="38" />
            <source>repeated vertices removed</source>
            <translation>vertici ripetuti rimossi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="67" />
            <source>Skipped: {parts}.</source>
            <translation>Ignorati: {parts}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/geometry.py" line="69" />
            <source>Fixed: {fixes}.</source>
            <translation>Corretti: {fixes}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/network.py" line="114" />
            <source>The snapping tolerance cannot be negative.</source>
            <translation>La tolleranza di aggancio non può essere negativa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="27" />
            <source>Total length</source>
            <translation>Lunghezza totale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="28" />
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="138" />
            <source>Segments</source>
            <translation>Tratti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="29" />
            <source>Connected components</source>
            <translation>Componenti connesse</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="30" />
            <source>Longest connected component</source>
            <translation>Componente connessa più lunga</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="31" />
            <source>Share of the network in the longest component</source>
            <translation>Quota della rete nella componente più lunga</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="32" />
            <source>Dangling ends</source>
            <translation>Estremità libere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="33" />
            <source>Overlapping length counted once</source>
            <translation>Lunghezza sovrapposta contata una volta</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="461" />
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="110" />
            <source>Kind</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Separate cycle track</source>
            <translation>Pista ciclabile separata</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Physically separated from traffic and pedestrians</source>
            <translation>Separata fisicamente dal traffico e dai pedoni</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Cycle lane</source>
            <translation>Corsia ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Painted lane on the carriageway</source>
            <translation>Corsia dipinta sulla carreggiata</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Shared with pedestrians</source>
            <translation>Promiscuo con i pedoni</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Cycle and foot path without separation</source>
            <translation>Percorso ciclopedonale senza separazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Shared with traffic</source>
            <translation>Promiscuo con il traffico</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Road open to bicycles, no dedicated space</source>
            <translation>Strada aperta alle biciclette, senza spazio dedicato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="21" />
            <source>Other</source>
            <translation>Altro</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Anything the tags do not classify</source>
            <translation>Tutto ciò che i tag non classificano</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>Planned link</source>
            <translation>Collegamento previsto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="31" />
            <source>A link merged in for a before/after</source>
            <translation>Un collegamento aggiunto per un confronto prima/dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Name</source>
            <translation>Nome</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Surface</source>
            <translation>Fondo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>One-way</source>
            <translation>Senso unico</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Lit</source>
            <translation>Illuminazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Source</source>
            <translation>Fonte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Source id</source>
            <translation>Id nella fonte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>OSM highway</source>
            <translation>OSM highway</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>OSM cycleway</source>
            <translation>OSM cycleway</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>OSM bicycle</source>
            <translation>OSM bicycle</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>OSM foot</source>
            <translation>OSM foot</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Segregated</source>
            <translation>Separazione pedoni/bici</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Bridge</source>
            <translation>Ponte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Tunnel</source>
            <translation>Galleria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/schema.py" line="56" />
            <source>Width (m)</source>
            <translation>Larghezza (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="114" />
            <source>{name} is used twice.</source>
            <translation>{name} è usato due volte.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="116" />
            <source>{name} is already the name of {other}.</source>
            <translation>{name} è già il nome di {other}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="125" />
            <source>Some field names cannot be used in a shapefile: {problems}</source>
            <translation>Alcuni nomi di campo non si possono usare in uno shapefile: {problems}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="49" />
            <source>{field}: text longer than 254 bytes continues in {fields}.</source>
            <translation>{field}: il testo oltre 254 byte prosegue in {fields}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="51" />
            <source>{field}: texts longer than 254 bytes, truncated: {count}.</source>
            <translation>{field}: testi oltre 254 byte, troncati: {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="53" />
            <source>{field}: date and time written as text YYYY-MM-DDTHH:MM:SSZ (UTC).</source>
            <translation>{field}: data e ora scritte come testo AAAA-MM-GGTHH:MM:SSZ (UTC).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="56" />
            <source>{field}: features without a date (field left empty): {count}.</source>
            <translation>{field}: elementi senza data (campo vuoto): {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="59" />
            <source>{field}: coded values written as their Italian labels.</source>
            <translation>{field}: valori codificati scritti con la loro etichetta italiana.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="61" />
            <source>{layer}: Z/M coordinates dropped (shapefiles are written in 2D).</source>
            <translation>{layer}: coordinate Z/M eliminate (gli shapefile sono scritti in 2D).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="63" />
            <source>{layer}: multi-part points split into single points (attributes repeated): {count}.</source>
            <translation>{layer}: punti multiparte suddivisi in punti singoli (attributi ripetuti): {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="66" />
            <source>{layer}: mixed geometries split by type into the file of each type (attributes repeated): {count}.</source>
            <translation>{layer}: geometrie miste suddivise per tipo nel file di ciascun tipo (attributi ripetuti): {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="69" />
            <source>{layer}: features without geometry, not in the shapefiles: {count}.</source>
            <translation>{layer}: elementi senza geometria, non inclusi negli shapefile: {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="72" />
            <source>{layer}: field {field} ({type}) cannot be written to a shapefile and was left out.</source>
            <translation>{layer}: il campo {field} ({type}) non può essere scritto in uno shapefile ed è stato escluso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/rules.py" line="75" />
            <source>{file}: geometries already invalid in the source layer: {count}.</source>
            <translation>{file}: geometrie già non valide nel layer di origine: {count}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="57" />
            <source>Overlapping areas</source>
            <translation>Aree sovrapposte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="58" />
            <source>Same street, nearby</source>
            <translation>Stessa strada, vicini</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="302" />
            <source>the end date is before the start date</source>
            <translation>la data di fine è precedente alla data di inizio</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="305" />
            <source>no start or end date</source>
            <translation>nessuna data di inizio o di fine</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="345" />
            <source>The distance must not be negative.</source>
            <translation>La distanza non deve essere negativa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="435" />
            <source>from {start} to {end} ({days} days)</source>
            <translation>dal {start} al {end} ({days} giorni)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="439" />
            <source>from {start}, with no end date</source>
            <translation>dal {start}, senza data di fine</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="441" />
            <source>until {end}, with no start date</source>
            <translation>fino al {end}, senza data di inizio</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="442" />
            <source>with no dates on either side</source>
            <translation>senza date da entrambe le parti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="448" />
            <source>overlaps</source>
            <translation>si sovrappone a</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="448" />
            <source>is {distance:.0f} m away on the same street from</source>
            <translation>dista {distance:.0f} m sulla stessa strada da</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="451" />
            <source> (received from the municipal API)</source>
            <translation> (ricevuto dall'API comunale)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="452" />
            <source>Road works clash: "{mine}" {where} "{other}" by {body}{source}, {period}.</source>
            <translation>Interferenza tra cantieri: "{mine}" {where} "{other}" di {body}{source}, {period}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="461" />
            <source>Work</source>
            <translation>Cantiere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="463" />
            <source>Body</source>
            <translation>Ente</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="462" />
            <source>Other work</source>
            <translation>Altro cantiere</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="463" />
            <source>Street</source>
            <translation>Via</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="464" />
            <source>Overlap period</source>
            <translation>Periodo di sovrapposizione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="464" />
            <source>Distance (m)</source>
            <translation>Distanza (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="475" />
            <source>Not checked</source>
            <translation>Non verificati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/clashes.py" line="476" />
            <source>{n} clashes among {m} road works.</source>
            <translation>{n} interferenze tra {m} cantieri stradali.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Square / public space</source>
            <translation>Piazza / spazio pubblico</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Cycle link</source>
            <translation>Collegamento ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Wi-Fi site</source>
            <translation>Sito Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Road works</source>
            <translation>Lavori stradali</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Forestation</source>
            <translation>Forestazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="82" />
            <source>Mobility</source>
            <translation>Mobilità</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>PR-V1 Squares and city Wi-Fi</source>
            <translation>PR-V1 Piazze e Wi-Fi cittadino</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>PR-V3 Macrolotto Zero</source>
            <translation>PR-V3 Macrolotto Zero</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>PR-V4 Cycle network</source>
            <translation>PR-V4 Rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>PR-V9 Road works planning</source>
            <translation>PR-V9 Pianificazione dei cantieri stradali</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>PR-TRA1 5G pilot</source>
            <translation>PR-TRA1 Sperimentazione 5G</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>Urban Jungle</source>
            <translation>Urban Jungle</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="92" />
            <source>None</source>
            <translation>Nessuno</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="102" />
            <source>Proposed</source>
            <translation>Proposto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="102" />
            <source>Approved</source>
            <translation>Approvato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="102" />
            <source>In progress</source>
            <translation>In corso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="102" />
            <source>Completed</source>
            <translation>Completato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="102" />
            <source>Cancelled</source>
            <translation>Annullato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Identifier</source>
            <translation>Identificativo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Title</source>
            <translation>Titolo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Category</source>
            <translation>Categoria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Plan project</source>
            <translation>Progetto del piano</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Status</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Responsible body</source>
            <translation>Ente responsabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Street / address</source>
            <translation>Via / indirizzo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Street name, used to tell road works on the same street</source>
            <translation>Nome della via, usato per riconoscere i cantieri sulla stessa strada</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Start date</source>
            <translation>Data di inizio</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>End date</source>
            <translation>Data di fine</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Budget (EUR)</source>
            <translation>Importo (EUR)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <location filename="../../prato_smartcity_plugin/adapters/store/form.py" line="51" />
            <source>Description</source>
            <translation>Descrizione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Surveyor</source>
            <translation>Rilevatore</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Photo 1</source>
            <translation>Foto 1</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Photo 2</source>
            <translation>Foto 2</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Photo 3</source>
            <translation>Foto 3</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Created</source>
            <translation>Creato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Modified</source>
            <translation>Modificato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="122" />
            <source>Version</source>
            <translation>Versione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="21" />
            <source>WiFi Italia</source>
            <translation>WiFi Italia</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="21" />
            <source>Comune di Prato</source>
            <translation>Comune di Prato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="27" />
            <source>Installed</source>
            <translation>Installato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="27" />
            <source>Planned</source>
            <translation>Pianificato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="27" />
            <source>Candidate</source>
            <translation>Candidato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="34" />
            <source>Outside the comune</source>
            <translation>Fuori dal comune</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="34" />
            <source>Duplicate position</source>
            <translation>Posizione duplicata</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="34" />
            <source>Default radius</source>
            <translation>Raggio predefinito</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="34" />
            <source>Position from a coverage area's centroid</source>
            <translation>Posizione dal centroide di un'area di copertura</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Site / address</source>
            <translation>Sito / indirizzo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Programme</source>
            <translation>Programma</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Install date</source>
            <translation>Data di installazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Coverage radius (m)</source>
            <translation>Raggio di copertura (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Notes</source>
            <translation>Note</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Checks</source>
            <translation>Controlli</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="46" />
            <source>Source and licence</source>
            <translation>Fonte e licenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="53" />
            <source>… and {n} more road works clashes.</source>
            <translation>… e altre {n} interferenze tra cantieri.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/clashes_widget.py" line="59" />
            <source>Show clashes</source>
            <translation>Mostra le interferenze</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="19" />
            <source>Prato</source>
            <translation>Prato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="23" />
            <source>Cycling</source>
            <translation>Ciclabilità</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="25" />
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="145" />
            <source>Interventions</source>
            <translation>Interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="30" />
            <source>Export</source>
            <translation>Esportazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="20" />
            <source>Open data</source>
            <translation>Dati aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="29" />
            <source>Sync</source>
            <translation>Sincronizzazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="22" />
            <source>Wi-Fi</source>
            <translation>Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/provider.py" line="38" />
            <location filename="../../prato_smartcity_plugin/plugin.py" line="104" />
            <source>Prato Smart City</source>
            <translation>Prato Smart City</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/plugin.py" line="15" />
            <source>&amp;Prato Smart City</source>
            <translation>&amp;Prato Smart City</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="110" />
            <source>The analysis CRS must be projected (metres); {crs} is geographic.</source>
            <translation>Il SR di analisi deve essere proiettato (metri); {crs} è geografico.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="123" />
            <source>The layer "{name}" is missing or cannot be read.</source>
            <translation>Il layer "{name}" manca o non può essere letto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="482" />
            <source>Choose a point layer, an area, or both.</source>
            <translation>Scegli un layer di punti, un'area o entrambi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="511" />
            <source>The area layer has no polygon.</source>
            <translation>Il layer delle aree non ha poligoni.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/export_package.py" line="38" />
            <source>Write the field names as original=short, separated by semicolons: {item}</source>
            <translation>Scrivi i nomi dei campi come originale=breve, separati da punto e virgola: {item}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/gps.py" line="40" />
            <source>The GPS has no position yet: wait for a fix.</source>
            <translation>Il GPS non ha ancora una posizione: attendi l'aggancio del segnale.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/gps.py" line="40" />
            <source>No GPS is connected: connect one in the GPS Information panel.</source>
            <translation>Nessun GPS collegato: collegane uno nel pannello Informazioni GPS.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/dock.py" line="31" />
            <source>Field work</source>
            <translation>Lavoro sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="34" />
            <source>Length outside every area</source>
            <translation>Lunghezza fuori da ogni area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="39" />
            <source>Lengths in km in a projected CRS; a path digitised twice counts once. Component: paths joined to each other (an end joins any path within the snapping tolerance). Dangling end: a path end that touches no other path.</source>
            <translation>Lunghezze in km in un sistema di riferimento proiettato; un percorso digitalizzato due volte conta una volta sola. Componente: percorsi collegati fra loro (un'estremità si collega a qualunque percorso entro la tolleranza di aggancio). Estremità libera: l'estremità di un percorso che non tocca nessun altro percorso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="43" />
            <source>Each link would join two parts of the network that are not connected today: "Joins" and "To" are the paths at its ends, in brackets the km of network each belongs to. Ranked by km joined per metre of new path. Hover a row for the reason, double-click it to zoom.</source>
            <translation>Ogni collegamento unirebbe due parti della rete che oggi non sono collegate: "Collega" e "Con" sono i percorsi alle sue estremità, fra parentesi i km di rete a cui appartiene ciascuno. Ordinati per km collegati per metro di nuovo percorso. Passa sopra una riga per il motivo, fai doppio clic per zoomare.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="48" />
            <source>Straight-line distances to the nearest cycle path, in metres, in a projected CRS.</source>
            <translation>Distanze in linea d'aria dal percorso ciclabile più vicino, in metri, in un sistema di riferimento proiettato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="51" />
            <source>Change = after - before; the planned links count as the kind "Planned link". Fewer connected components and a longer "Longest connected component" mean a better connected network.</source>
            <translation>Variazione = dopo - prima; i collegamenti previsti contano come tipo "Collegamento previsto". Meno componenti connesse e una "Componente connessa più lunga" più estesa indicano una rete meglio collegata.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="52" />
            <source>{name}: {count} features have invalid geometries (loaded as they are; check them with Vector ▸ Geometry Tools ▸ Check Validity).</source>
            <translation>{name}: {count} elementi hanno geometrie non valide (caricati così come sono; controllali con Vettore ▸ Strumenti di geometria ▸ Controlla validità).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="109" />
            <source>QGIS cannot read the resource {name}.</source>
            <translation>QGIS non riesce a leggere la risorsa {name}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="80" />
            <source>{name} has no geometry: it was added as a table.</source>
            <translation>{name} non ha geometria: è stato aggiunto come tabella.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="116" />
            <source>The resource {name} holds no layer.</source>
            <translation>La risorsa {name} non contiene alcun layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="184" />
            <source>Nothing tells the coordinate reference system of {name}: choose one to load it.</source>
            <translation>Nulla indica il sistema di riferimento di {name}: scegline uno per caricarlo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="213" />
            <source>Source: {publisher}, open data portal {portal}</source>
            <translation>Fonte: {publisher}, portale dei dati aperti {portal}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="224" />
            <source>Dataset page</source>
            <translation>Pagina del dataset</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="226" />
            <source>Resource</source>
            <translation>Risorsa</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="233" />
            <source>Retrieved from {url} on {date}</source>
            <translation>Scaricato da {url} il {date}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_layers.py" line="233" />
            <source>Last modified on the portal: {date}</source>
            <translation>Ultima modifica sul portale: {date}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/catalogue_network.py" line="60" />
            <source>The authentication configuration {id} cannot be used: check it in QGIS's authentication settings.</source>
            <translation>La configurazione di autenticazione {id} non può essere usata: controllala nelle impostazioni di autenticazione di QGIS.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="95" />
            <source>Download cancelled.</source>
            <translation>Download annullato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="99" />
            <source>The server did not answer in time.</source>
            <translation>Il server non ha risposto in tempo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="102" />
            <source>Cannot reach the server: check the address and your network connection.</source>
            <translation>Impossibile raggiungere il server: controlla l'indirizzo e la connessione di rete.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="124" />
            <source>{what}: the layer is missing or cannot be read.</source>
            <translation>{what}: il layer manca o non può essere letto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="126" />
            <source>a line layer</source>
            <translation>un layer lineare</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="127" />
            <source>a point layer</source>
            <translation>un layer di punti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="128" />
            <source>a polygon layer</source>
            <translation>un layer poligonale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="129" />
            <source>{what}: "{layer}" is not {expected}.</source>
            <translation>{what}: "{layer}" non è {expected}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="133" />
            <source>{what}: "{layer}" has no coordinate reference system.</source>
            <translation>{what}: "{layer}" non ha un sistema di riferimento.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="149" />
            <source>Cancelled.</source>
            <translation>Annullato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="289" />
            <source>Cycle paths</source>
            <translation>Percorsi ciclabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="188" />
            <source>{what}: "{layer}" has no usable line. {summary}</source>
            <translation>{what}: "{layer}" non ha linee utilizzabili. {summary}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="195" />
            <source>Areas</source>
            <translation>Aree</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="217" />
            <source>Barriers: "{layer}" is not a line or polygon layer.</source>
            <translation>Barriere: "{layer}" non è un layer lineare o poligonale.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="234" />
            <source>Points</source>
            <translation>Punti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/cycling.py" line="286" />
            <source>Cannot read the cycle paths file {path}.</source>
            <translation>Impossibile leggere il file dei percorsi ciclabili {path}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_layers.py" line="50" />
            <source>The layer cannot be read.</source>
            <translation>Il layer non può essere letto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_layers.py" line="52" />
            <source>{layer} has no geometry: a shapefile needs one.</source>
            <translation>{layer} non ha geometria: uno shapefile ne richiede una.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_layers.py" line="54" />
            <source>No feature is selected in {layer}: select the features to export, or export all of them.</source>
            <translation>Nessun elemento selezionato in {layer}: seleziona gli elementi da esportare, oppure esportali tutti.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_layers.py" line="77" />
            <source>Could not read the layer {layer}.</source>
            <translation>Impossibile leggere il layer {layer}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="110" />
            <source>Package written and verified: {path}</source>
            <translation>Pacchetto scritto e verificato: {path}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="141" />
            <source>Cannot read the layer {name}.</source>
            <translation>Impossibile leggere il layer {name}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="390" />
            <source>{crs} is not a coordinate reference system that can be used.</source>
            <translation>{crs} non è un sistema di riferimento utilizzabile.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="853" />
            <source>{file} is missing.</source>
            <translation>{file} manca.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="649" />
            <source>Export cancelled.</source>
            <translation>Esportazione annullata.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="653" />
            <source>Choose at least one layer to export.</source>
            <translation>Scegli almeno un layer da esportare.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="663" />
            <source>Reading the layers</source>
            <translation>Lettura dei layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="666" />
            <source>Nothing to export: the chosen layers have no features (or none is selected).</source>
            <translation>Niente da esportare: i layer scelti non hanno elementi (o nessuno è selezionato).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="668" />
            <source>Nothing to export: no chosen feature has a geometry.</source>
            <translation>Niente da esportare: nessun elemento scelto ha una geometria.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="699" />
            <source>Verifying {file}</source>
            <translation>Verifica di {file}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="718" />
            <source>Writing the ZIP</source>
            <translation>Scrittura dello ZIP</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="736" />
            <source>Writing {file}</source>
            <translation>Scrittura di {file}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="771" />
            <source>Could not write {file}.</source>
            <translation>Impossibile scrivere {file}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="917" />
            <source>The package did not verify: {problem}</source>
            <translation>La verifica del pacchetto non è riuscita: {problem}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="858" />
            <source>{file}: the .cpg does not declare UTF-8.</source>
            <translation>{file}: il .cpg non dichiara UTF-8.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="861" />
            <source>{file}: the .prj identifies as EPSG:{found}, not EPSG:{expected}.</source>
            <translation>{file}: il .prj risulta EPSG:{found}, non EPSG:{expected}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="869" />
            <source>{file}: {found} features instead of {expected}.</source>
            <translation>{file}: {found} elementi invece di {expected}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="885" />
            <source>{file}: {n} geometries are empty or invalid.</source>
            <translation>{file}: {n} geometrie sono vuote o non valide.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="915" />
            <source>{file}: {n} fields differ from the source.</source>
            <translation>{file}: {n} campi differiscono dall'origine.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="919" />
            <source>{file}: {n} features, CRS EPSG:{epsg}, UTF-8, geometries valid, {fields} fields equal to the source.</source>
            <translation>{file}: {n} elementi, SR EPSG:{epsg}, UTF-8, geometrie valide, {fields} campi uguali all'origine.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="979" />
            <source>The ZIP could not be written.</source>
            <translation>Impossibile scrivere lo ZIP.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="986" />
            <source>The ZIP could not be written correctly.</source>
            <translation>Impossibile scrivere correttamente lo ZIP.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/export_package.py" line="1016" />
            <source>Unknown long text policy.</source>
            <translation>Criterio sconosciuto per i testi lunghi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="95" />
            <source>Field kit ready in {folder}</source>
            <translation>Kit per il rilievo sul campo pronto in {folder}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="96" />
            <source>Size of the sources: {before}; size of the kit: {after}</source>
            <translation>Dimensione delle fonti: {before}; dimensione del kit: {after}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="102" />
            <source>{name}: {after} of {before} features (clipped to the area)</source>
            <translation>{name}: {after} elementi su {before} (ritagliati sull'area)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="108" />
            <source>{name}: basemap cached, {n} tiles</source>
            <translation>{name}: mappa di base in cache, {n} tasselli</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="110" />
            <source>{name}: interventions store copied with its change log</source>
            <translation>{name}: archivio degli interventi copiato con il suo registro delle modifiche</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="112" />
            <source>{name}: not taken offline: {reason}</source>
            <translation>{name}: non portato offline: {reason}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="198" />
            <source>Choose an area for the field kit.</source>
            <translation>Scegli un'area per il kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="200" />
            <source>The minimum zoom must not be above the maximum zoom.</source>
            <translation>Lo zoom minimo non deve superare lo zoom massimo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="229" />
            <source>This folder holds a field kit with {n} changes not yet synced. Sync it ("Back from the field") or choose another folder: nothing was overwritten.</source>
            <translation>Questa cartella contiene un kit per il rilievo sul campo con {n} modifiche non ancora sincronizzate. Sincronizzalo ("Rientro dal campo") o scegli un'altra cartella: nulla è stato sovrascritto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="236" />
            <source>The folder {folder} is not empty and is not a field kit: choose an empty folder.</source>
            <translation>La cartella {folder} non è vuota e non è un kit per il rilievo sul campo: scegli una cartella vuota.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="247" />
            <source>Save the edits of layer {name} before preparing the field kit.</source>
            <translation>Salva le modifiche del layer {name} prima di preparare il kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="386" />
            <source>Preparing the field kit was cancelled; nothing was changed.</source>
            <translation>La preparazione del kit per il rilievo sul campo è stata annullata; nulla è stato modificato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="284" />
            <source>Only one interventions store can go into a field kit.</source>
            <translation>In un kit per il rilievo sul campo può andare un solo archivio degli interventi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="353" />
            <source>Cannot write the field kit's data file.</source>
            <translation>Impossibile scrivere il file dei dati del kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="365" />
            <source>the area needs {n} tiles at these zoom levels, more than the limit of {limit}: choose a smaller area or a lower maximum zoom.</source>
            <translation>l'area richiede {n} tasselli a questi livelli di zoom, più del limite di {limit}: scegli un'area più piccola o uno zoom massimo più basso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="415" />
            <source>the basemap could not be fetched for this area (is the network or the service down?).</source>
            <translation>impossibile scaricare la mappa di base per quest'area (la rete o il servizio non sono disponibili?).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="458" />
            <source>Cannot copy the interventions store into the field kit.</source>
            <translation>Impossibile copiare l'archivio degli interventi nel kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="463" />
            <source>Field kit: {title}</source>
            <translation>Kit per il rilievo sul campo: {title}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/field_kit.py" line="479" />
            <source>Cannot write the field kit's project.</source>
            <translation>Impossibile scrivere il progetto del kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/attachments.py" line="39" />
            <source>The attached file {path} does not exist.</source>
            <translation>Il file allegato {path} non esiste.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/attachments.py" line="53" />
            <source>Cannot copy the attached file {path} beside the store.</source>
            <translation>Impossibile copiare il file allegato {path} accanto all'archivio.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="265" />
            <source>The interventions store {path} does not exist: it was moved or deleted.</source>
            <translation>L'archivio degli interventi {path} non esiste: è stato spostato o eliminato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="96" />
            <source>Cannot open the interventions store {path}.</source>
            <translation>Impossibile aprire l'archivio degli interventi {path}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="302" />
            <source>The interventions store {path} is in use by another program; close it and try again.</source>
            <translation>L'archivio degli interventi {path} è in uso da un altro programma; chiudilo e riprova.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="304" />
            <source>The interventions store {path} cannot be written (read-only file or folder).</source>
            <translation>L'archivio degli interventi {path} non può essere scritto (file o cartella di sola lettura).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="332" />
            <source>The interventions store {path} is damaged; restore it from a backup or choose another file.</source>
            <translation>L'archivio degli interventi {path} è danneggiato; ripristinalo da una copia di sicurezza o scegli un altro file.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="308" />
            <source>The interventions store {path} cannot be opened.</source>
            <translation>L'archivio degli interventi {path} non può essere aperto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="335" />
            <source>{path} is not a GeoPackage: choose another file for the interventions store.</source>
            <translation>{path} non è un GeoPackage: scegli un altro file per l'archivio degli interventi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="340" />
            <source>{path} is a GeoPackage of other data, not an interventions store: choose another file.</source>
            <translation>{path} è un GeoPackage con altri dati, non un archivio degli interventi: scegli un altro file.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/database.py" line="406" />
            <source>The layer {layer} of {path} has the wrong geometry type: this is not an interventions store.</source>
            <translation>Il layer {layer} di {path} ha il tipo di geometria sbagliato: questo non è un archivio degli interventi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/form.py" line="50" />
            <source>Intervention</source>
            <translation>Intervento</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/form.py" line="50" />
            <source>Dates and budget</source>
            <translation>Date e importo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/form.py" line="51" />
            <source>Photos</source>
            <translation>Foto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/form.py" line="51" />
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="44" />
            <source>Interventions (points)</source>
            <translation>Interventi (punti)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="44" />
            <source>Interventions (lines)</source>
            <translation>Interventi (linee)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="45" />
            <source>Interventions (areas)</source>
            <translation>Interventi (aree)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="134" />
            <source>QGIS cannot open the layer {layer} of the interventions store {path}.</source>
            <translation>QGIS non riesce ad aprire il layer {layer} dell'archivio degli interventi {path}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="337" />
            <source>The layer {layer} cannot be edited.</source>
            <translation>Il layer {layer} non può essere modificato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="341" />
            <source>The intervention could not be deleted.</source>
            <translation>Impossibile eliminare l'intervento.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/layers.py" line="345" />
            <source>The deletion could not be saved in the interventions store.</source>
            <translation>Impossibile salvare l'eliminazione nell'archivio degli interventi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/validation.py" line="85" />
            <source>The intervention has no geometry: draw it on the map.</source>
            <translation>L'intervento non ha geometria: disegnalo sulla mappa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/validation.py" line="88" />
            <source>The geometry is not valid ({error}): repair it or redraw it.</source>
            <translation>La geometria non è valida ({error}): correggila o ridisegnala.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/store/validation.py" line="91" />
            <source>The intervention lies outside the Comune di Prato, at least in part.</source>
            <translation>L'intervento si trova fuori dal Comune di Prato, almeno in parte.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="125" />
            <source>The server sent a geometry that cannot be read.</source>
            <translation>Il server ha inviato una geometria che non si può leggere.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="211" />
            <source>The server sent a photo with a path outside the photos folder.</source>
            <translation>Il server ha inviato una foto con un percorso fuori dalla cartella delle foto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="218" />
            <source>Cannot write the photo {path} beside the store.</source>
            <translation>Impossibile scrivere la foto {path} accanto all'archivio.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="259" />
            <source>The interventions store cannot be written.</source>
            <translation>L'archivio degli interventi non può essere scritto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_store.py" line="346" />
            <source>The intervention has no geometry to copy.</source>
            <translation>L'intervento non ha una geometria da copiare.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_task.py" line="43" />
            <source>The municipal API is not configured: set its address in Settings ▸ Options ▸ Prato Smart City.</source>
            <translation>L'API comunale non è configurata: imposta il suo indirizzo in Impostazioni ▸ Opzioni ▸ Prato Smart City.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/sync_task.py" line="72" />
            <source>Syncing interventions with the municipal API</source>
            <translation>Sincronizzazione degli interventi con l'API comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="93" />
            <source>Sync cancelled.</source>
            <translation>Sincronizzazione annullata.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="60" />
            <source>the layer</source>
            <translation>il layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="76" />
            <source>{what} has no CRS: its coordinates are taken as {crs}.</source>
            <translation>{what} non ha un SR: le sue coordinate sono considerate in {crs}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="82" />
            <source>{what} is in {src} (degrees): it is reprojected to {crs} so that distances are in metres.</source>
            <translation>{what} è in {src} (gradi): viene riproiettato in {crs} perché le distanze siano in metri.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="90" />
            <source>{what} is missing.</source>
            <translation>{what} manca.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="93" />
            <source>{what} must be a {kind} layer; {name} has {actual} geometries.</source>
            <translation>{what} deve essere un layer di tipo {kind}; {name} ha geometrie di tipo {actual}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="106" />
            <source>{n} features of {what} have no geometry and are left out.</source>
            <translation>{n} elementi di {what} non hanno geometria e sono esclusi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="109" />
            <source>{what} ({name}) is empty: it has no feature with a geometry.</source>
            <translation>{what} ({name}) è vuoto: non ha alcun elemento con geometria.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="166" />
            <source>{n} features of {what} have several points; the first point of each is used.</source>
            <translation>{n} elementi di {what} hanno più punti; si usa il primo punto di ciascuno.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="175" />
            <source>The access-point layer</source>
            <translation>Il layer degli access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="185" />
            <source>{what} holds coverage areas: each area's centroid stands in for its access point, with the radius of a disc of the same area.</source>
            <translation>{what} contiene aree di copertura: il centroide di ogni area fa le veci del suo access point, con il raggio di un cerchio della stessa area.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="117" />
            <source>the demand layer</source>
            <translation>il layer della domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="203" />
            <source>The weight field {field} is not in {what}.</source>
            <translation>Il campo del peso {field} non è in {what}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="214" />
            <source>The areas layer</source>
            <translation>Il layer delle aree</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="220" />
            <source>Area {id}</source>
            <translation>Area {id}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="235" />
            <source>point</source>
            <translation>punto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="235" />
            <source>line</source>
            <translation>linea</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="236" />
            <source>polygon</source>
            <translation>poligono</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="236" />
            <source>no</source>
            <translation>nessuno</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="258" />
            <source>The weight "{value}" is not a number.</source>
            <translation>Il peso "{value}" non è un numero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="334" />
            <source>Wi-Fi access points</source>
            <translation>Access point Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="358" />
            <source>Existing coverage</source>
            <translation>Copertura esistente</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="358" />
            <source>Added by the new sites</source>
            <translation>Aggiunta dai nuovi siti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="359" />
            <source>Coverage</source>
            <translation>Copertura</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="370" />
            <source>The style {name} could not be loaded.</source>
            <translation>Impossibile caricare lo stile {name}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/adapters/wifi_layers.py" line="386" />
            <source>The municipal API does not publish Wi-Fi access points yet (collection "{c}"); load them from the open data or from a point layer.</source>
            <translation>L'API comunale non pubblica ancora gli access point Wi-Fi (collezione "{c}"); caricali dai dati aperti o da un layer di punti.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/archive.py" line="30" />
            <source>The archive contains an entry that would be written outside its folder ({name}): it was refused.</source>
            <translation>L'archivio contiene una voce che verrebbe scritta fuori dalla sua cartella ({name}): è stato rifiutato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/archive.py" line="43" />
            <source>The archive holds too many files ({count}): it was refused.</source>
            <translation>L'archivio contiene troppi file ({count}): è stato rifiutato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/archive.py" line="74" />
            <source>The zip archive is damaged and cannot be read.</source>
            <translation>L'archivio zip è danneggiato e non può essere letto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/archive.py" line="79" />
            <source>The archive expands to more than {limit} MB: it was refused.</source>
            <translation>L'archivio decompresso supera {limit} MB: è stato rifiutato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/cache.py" line="104" />
            <source>The open data cache cannot be opened: {path}</source>
            <translation>Impossibile aprire la cache dei dati aperti: {path}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="113" />
            <source>The portal refused access to {what} (HTTP {status}): check the authentication configured for this portal.</source>
            <translation>Il portale ha negato l'accesso a {what} (HTTP {status}): controlla l'autenticazione configurata per questo portale.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="117" />
            <source>{what} was not found on the server (HTTP 404): the link may be dead.</source>
            <translation>{what} non è stato trovato sul server (HTTP 404): il collegamento potrebbe non essere più valido.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="119" />
            <source>The server failed while sending {what} (HTTP {status}).</source>
            <translation>Errore del server durante l'invio di {what} (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="190" />
            <source>The portal sent a dataset in an unexpected form.</source>
            <translation>Il portale ha inviato un dataset in una forma inattesa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="212" />
            <source>The dataset has no resource {id}.</source>
            <translation>Il dataset non ha la risorsa {id}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="266" />
            <source>The portal's answer lacks the {key} of a {what}: it is not a CKAN response.</source>
            <translation>Nella risposta del portale manca {key} di {what}: non è una risposta CKAN.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="316" />
            <source>The address answers, but it is not a CKAN API v3 portal.</source>
            <translation>L'indirizzo risponde, ma non è un portale CKAN API v3.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="334" />
            <source>The portal sent an unexpected answer to {action}.</source>
            <translation>Il portale ha inviato una risposta inattesa a {action}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="349" />
            <source>The portal sent broken JSON.</source>
            <translation>Il portale ha inviato un JSON non valido.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="356" />
            <source>The portal refused access: check the authentication configured for it.</source>
            <translation>Il portale ha negato l'accesso: controlla l'autenticazione configurata per il portale.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="359" />
            <source>The portal does not know this item (it may have been removed).</source>
            <translation>Il portale non conosce questo elemento (potrebbe essere stato rimosso).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="361" />
            <source>The portal refused the request: {message}</source>
            <translation>Il portale ha rifiutato la richiesta: {message}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="366" />
            <source>The address answers with a web page, not with the CKAN API: check the portal address (it should end with /api/3).</source>
            <translation>L'indirizzo risponde con una pagina web, non con l'API CKAN: controlla l'indirizzo del portale (dovrebbe terminare con /api/3).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="369" />
            <source>The portal sent an empty answer.</source>
            <translation>Il portale ha inviato una risposta vuota.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="370" />
            <source>The portal's answer is not JSON.</source>
            <translation>La risposta del portale non è JSON.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="373" />
            <source>The answer is JSON but not a CKAN API response.</source>
            <translation>La risposta è JSON ma non è una risposta dell'API CKAN.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ckan.py" line="379" />
            <source>The portal's search answer lacks its results.</source>
            <translation>Nella risposta di ricerca del portale mancano i risultati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/kml.py" line="53" />
            <source>The resource is an empty file.</source>
            <translation>La risorsa è un file vuoto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/csvsniff.py" line="104" />
            <source>The resource is not a CSV table: no column separator was found.</source>
            <translation>La risorsa non è una tabella CSV: non è stato trovato alcun separatore di colonna.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/formats.py" line="74" />
            <source>The resource link leads to a web page, not to data: the portal's link may be dead or need a login.</source>
            <translation>Il collegamento della risorsa porta a una pagina web, non ai dati: il collegamento del portale potrebbe non essere più valido o richiedere l'accesso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/formats.py" line="81" />
            <source>The resource is an XML document the plugin cannot load as a layer.</source>
            <translation>La risorsa è un documento XML che il plugin non può caricare come layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/formats.py" line="87" />
            <source>The format of the resource is unknown: the plugin cannot load it.</source>
            <translation>Il formato della risorsa è sconosciuto: il plugin non può caricarla.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/formats.py" line="113" />
            <source>The resource is a damaged zip archive.</source>
            <translation>La risorsa è un archivio zip danneggiato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/formats.py" line="121" />
            <source>The zip archive holds no file the plugin can load (shapefile, KML, GeoJSON, GeoPackage, GPX or CSV).</source>
            <translation>L'archivio zip non contiene file che il plugin possa caricare (shapefile, KML, GeoJSON, GeoPackage, GPX o CSV).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/kml.py" line="43" />
            <source>The file is XML but not KML.</source>
            <translation>Il file è XML ma non KML.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/kml.py" line="51" />
            <source>The KML file is damaged (not well-formed XML).</source>
            <translation>Il file KML è danneggiato (XML non ben formato).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/kml.py" line="58" />
            <source>The KML file declares XML entities, which could read other files or addresses: for safety it was not loaded.</source>
            <translation>Il file KML dichiara entità XML, che potrebbero leggere altri file o indirizzi: per sicurezza non è stato caricato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ogc.py" line="48" />
            <source>The service's capabilities declare XML entities: refused for safety.</source>
            <translation>Le capabilities del servizio dichiarano entità XML: rifiutate per sicurezza.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ogc.py" line="52" />
            <source>The {service} service did not send valid capabilities.</source>
            <translation>Il servizio {service} non ha inviato capabilities valide.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ogc.py" line="55" />
            <source>The {service} service answered with an error.</source>
            <translation>Il servizio {service} ha risposto con un errore.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/ogc.py" line="74" />
            <source>The {service} service offers no layer.</source>
            <translation>Il servizio {service} non offre alcun layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="51" />
            <source>{name} is {size} MB, more than the {limit} MB you set to be asked about.</source>
            <translation>{name} pesa {size} MB, più dei {limit} MB oltre i quali hai chiesto una conferma.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="129" />
            <source>The resource {name} has no download address.</source>
            <translation>La risorsa {name} non ha un indirizzo di download.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="160" />
            <source>The portal cannot be reached: the cached copy of {date} was used.</source>
            <translation>Il portale non è raggiungibile: è stata usata la copia in cache del {date}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="168" />
            <source>the resource {name}</source>
            <translation>la risorsa {name}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="171" />
            <source>The resource's address failed (HTTP {status}): the cached copy of {date} was used.</source>
            <translation>L'indirizzo della risorsa non ha funzionato (HTTP {status}): è stata usata la copia in cache del {date}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="177" />
            <source>The server sent no file for {name}.</source>
            <translation>Il server non ha inviato alcun file per {name}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="194" />
            <source>the capabilities of {name}</source>
            <translation>le capabilities di {name}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="211" />
            <source>The portal labels this resource {label}, but it is {actual}: it was read as {actual}.</source>
            <translation>Il portale indica questa risorsa come {label}, ma è {actual}: è stata letta come {actual}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="225" />
            <source>The archive holds no loadable file.</source>
            <translation>L'archivio non contiene file caricabili.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="240" />
            <source>The resource is JSON but not GeoJSON: it holds no map data the plugin can load.</source>
            <translation>La risorsa è JSON ma non GeoJSON: non contiene dati cartografici che il plugin possa caricare.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="254" />
            <source>a zip holding {kind}</source>
            <translation>uno zip contenente {kind}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/catalogue/service.py" line="255" />
            <source>a zipped shapefile</source>
            <translation>uno shapefile compresso (zip)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/links.py" line="71" />
            <source>component {number}</source>
            <translation>componente {number}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/links.py" line="85" />
            <source>{length} m of new path would join {a}, part of a connected network of {km_a} km, to {b}, part of another of {km_b} km: {score} km of network joined per metre.</source>
            <translation>{length} m di nuovo percorso collegherebbero {a}, parte di una rete connessa di {km_a} km, a {b}, parte di un'altra di {km_b} km: {score} km di rete collegati per metro.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/links.py" line="95" />
            <source>{kind}, unnamed</source>
            <translation>{kind}, senza nome</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/links.py" line="132" />
            <source>The search distance for missing links must be greater than zero.</source>
            <translation>La distanza di ricerca dei collegamenti mancanti deve essere maggiore di zero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/links.py" line="141" />
            <source>Unknown start for missing links: {value}</source>
            <translation>Punto di partenza dei collegamenti mancanti sconosciuto: {value}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="86" />
            <source>Length: {kind}</source>
            <translation>Lunghezza: {kind}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="88" />
            <source>Length in {area}</source>
            <translation>Lunghezza in {area}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="93" />
            <source>Cycle network</source>
            <translation>Rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>Measure</source>
            <translation>Misura</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="162" />
            <source>Value</source>
            <translation>Valore</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>Unit</source>
            <translation>Unità</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="100" />
            <source>Snapping tolerance</source>
            <translation>Tolleranza di aggancio</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="102" />
            <source>Skipped features: {reason}</source>
            <translation>Elementi ignorati: {reason}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="110" />
            <source>Length by kind</source>
            <translation>Lunghezza per tipo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="138" />
            <source>km</source>
            <translation>km</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="110" />
            <source>Share (%)</source>
            <translation>Quota (%)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="124" />
            <source>Total</source>
            <translation>Totale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="124" />
            <source>Length by area (km)</source>
            <translation>Lunghezza per area (km)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="173" />
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="131" />
            <source>Outside every area</source>
            <translation>Fuori da ogni area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="138" />
            <source>Longest connected components</source>
            <translation>Componenti connesse più lunghe</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="138" />
            <source>Component</source>
            <translation>Componente</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Missing links</source>
            <translation>Collegamenti mancanti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Rank</source>
            <translation>Posizione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>New path (m)</source>
            <translation>Nuovo percorso (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Joins</source>
            <translation>Collega</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>To</source>
            <translation>Con</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Network joined (km)</source>
            <translation>Rete collegata (km)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Joined km per metre of new path</source>
            <translation>Km collegati per metro di nuovo percorso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="151" />
            <source>Components</source>
            <translation>Componenti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="162" />
            <source>Catchment</source>
            <translation>Bacino d'utenza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="172" />
            <source>Distance</source>
            <translation>Distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="166" />
            <source>Points within the distance</source>
            <translation>Punti entro la distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="168" />
            <source>Weighted share of points within the distance</source>
            <translation>Quota pesata dei punti entro la distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="174" />
            <source>Area within the distance</source>
            <translation>Area entro la distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="175" />
            <source>Share of the area within the distance</source>
            <translation>Quota dell'area entro la distanza</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>Before / after</source>
            <translation>Prima / dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>Before</source>
            <translation>Prima</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>After</source>
            <translation>Dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="182" />
            <source>Change</source>
            <translation>Variazione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/cycling/report.py" line="240" />
            <source>table</source>
            <translation>tabella</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="83" />
            <source>A field name cannot be empty.</source>
            <translation>Il nome di un campo non può essere vuoto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="85" />
            <source>{name} is longer than {n} characters.</source>
            <translation>{name} è più lungo di {n} caratteri.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="87" />
            <source>{name} must start with a letter and hold only the letters A-Z, digits and underscores.</source>
            <translation>{name} deve iniziare con una lettera e contenere solo le lettere A-Z, cifre e trattini bassi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/export/names.py" line="90" />
            <source>{name} is a reserved name in GIS and CAD tools.</source>
            <translation>{name} è un nome riservato negli strumenti GIS e CAD.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/fieldkit/plan.py" line="54" />
            <source>The layer is not available (its source cannot be read).</source>
            <translation>Il layer non è disponibile (la sua sorgente non può essere letta).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/fieldkit/plan.py" line="61" />
            <source>Layers of this type ({kind}) cannot be taken offline.</source>
            <translation>I layer di questo tipo ({kind}) non possono essere portati offline.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="323" />
            <source>{field} is required.</source>
            <translation>{field} è obbligatorio.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="331" />
            <source>{value} is not a valid {field}.</source>
            <translation>{value} non è un valore valido per {field}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="337" />
            <source>{field} is longer than {n} characters.</source>
            <translation>{field} è più lungo di {n} caratteri.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="346" />
            <source>The dates are not valid dates (YYYY-MM-DD).</source>
            <translation>Le date non sono date valide (AAAA-MM-GG).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="349" />
            <source>The end date must not be before the start date.</source>
            <translation>La data di fine non deve essere precedente alla data di inizio.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="354" />
            <source>The budget cannot be negative.</source>
            <translation>L'importo non può essere negativo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="356" />
            <source>The budget must be a number.</source>
            <translation>L'importo deve essere un numero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/interventions/schema.py" line="358" />
            <source>Road works need a start and an end date, or clashes with other works cannot be checked.</source>
            <translation>I lavori stradali richiedono una data di inizio e una di fine, altrimenti non si possono verificare le interferenze con altri lavori.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="66" />
            <source>The municipal API's address is not set: set it in the options.</source>
            <translation>L'indirizzo dell'API comunale non è impostato: impostalo nelle opzioni.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="98" />
            <source>The municipal API did not answer.</source>
            <translation>L'API comunale non ha risposto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="100" />
            <source>The municipal API refused the credentials (HTTP {status}): check the authentication configuration in the options.</source>
            <translation>L'API comunale ha rifiutato le credenziali (HTTP {status}): controlla la configurazione di autenticazione nelle opzioni.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="190" />
            <source>The municipal API answered with an error (HTTP {status}).</source>
            <translation>L'API comunale ha risposto con un errore (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="135" />
            <source>The municipal API sent something that is not JSON: check its address.</source>
            <translation>L'API comunale ha inviato qualcosa che non è JSON: controlla il suo indirizzo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="153" />
            <source>The municipal API sent something that is not a feature.</source>
            <translation>L'API comunale ha inviato qualcosa che non è un elemento (feature).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="166" />
            <source>The municipal API sent something that is not a feature collection.</source>
            <translation>L'API comunale ha inviato qualcosa che non è una collezione di elementi (feature collection).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="199" />
            <source>The municipal API refused the new intervention (HTTP {status}).</source>
            <translation>L'API comunale ha rifiutato il nuovo intervento (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="207" />
            <source>The municipal API refused the change (HTTP {status}).</source>
            <translation>L'API comunale ha rifiutato la modifica (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/client.py" line="214" />
            <source>The municipal API refused the delete (HTTP {status}).</source>
            <translation>L'API comunale ha rifiutato l'eliminazione (HTTP {status}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="149" />
            <source>Sent {sent}, received {received}, conflicts {conflicts}, rejected {rejected}.</source>
            <translation>Inviati {sent}, ricevuti {received}, conflitti {conflicts}, rifiutati {rejected}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="152" />
            <source>Photos: {sent} sent, {received} received.</source>
            <translation>Foto: {sent} inviate, {received} ricevute.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="155" />
            <source>{n} photos are not on the server yet: they are fetched at a later sync.</source>
            <translation>{n} foto non sono ancora sul server: verranno scaricate a una prossima sincronizzazione.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="365" />
            <source>{n} local changes could not be sent; they stay queued and will be sent at the next sync.</source>
            <translation>{n} modifiche locali non sono state inviate; restano in coda e saranno inviate alla prossima sincronizzazione.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="445" />
            <source>The intervention breaks the rules: {problems}</source>
            <translation>L'intervento non rispetta le regole: {problems}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="478" />
            <source>The municipal API refused this intervention (HTTP 500): check its values and where its geometry lies.</source>
            <translation>L'API comunale ha rifiutato questo intervento (HTTP 500): controlla i suoi valori e la posizione della sua geometria.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="505" />
            <source>The municipal API has no collection for photos ({name}): photos are not synced.</source>
            <translation>L'API comunale non ha una collezione per le foto ({name}): le foto non vengono sincronizzate.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="529" />
            <source>The municipal API refused the photo {path}: {reason}</source>
            <translation>L'API comunale ha rifiutato la foto {path}: {reason}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="550" />
            <source>The municipal API refused the photo (HTTP 500).</source>
            <translation>L'API comunale ha rifiutato la foto (HTTP 500).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/sync/engine.py" line="644" />
            <source>There is no conflict on this intervention any more.</source>
            <translation>Non c'è più alcun conflitto su questo intervento.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="34" />
            <source> and {n} more</source>
            <translation> e altri {n}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="48" />
            <source>There are no access points to analyse: the layer is empty.</source>
            <translation>Non ci sono access point da analizzare: il layer è vuoto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="53" />
            <source>Some access points have no valid position.</source>
            <translation>Alcuni access point non hanno una posizione valida.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="55" />
            <source>the access points</source>
            <translation>gli access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="60" />
            <source>{n} access points have a negative or zero radius ({names}): correct the radius or leave it empty to use the default.</source>
            <translation>{n} access point hanno un raggio negativo o nullo ({names}): correggi il raggio o lascialo vuoto per usare quello predefinito.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="70" />
            <source>{n} access points have no radius; the default radius is used ({used}).</source>
            <translation>{n} access point non hanno raggio; si usa il raggio predefinito ({used}).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="80" />
            <source>{n} access points lie outside the comune ({names}); they are kept and flagged.</source>
            <translation>{n} access point si trovano fuori dal comune ({names}); sono mantenuti e segnalati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="94" />
            <source>{n} access points are at the same spot as another one ({pairs}); they are kept and flagged as duplicates.</source>
            <translation>{n} access point sono nello stesso punto di un altro ({pairs}); sono mantenuti e segnalati come duplicati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="121" />
            <source>There are no points in {what}: it is empty.</source>
            <translation>Non ci sono punti in {what}: è vuoto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="128" />
            <source>{n} points of {what} have a negative weight: weights must be zero or more.</source>
            <translation>{n} punti di {what} hanno un peso negativo: i pesi devono essere pari a zero o maggiori.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="132" />
            <source>{n} points of {what} have no weight; they count as zero.</source>
            <translation>{n} punti di {what} non hanno peso; valgono zero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="136" />
            <source>Every point of {what} has weight zero: there is nothing to cover.</source>
            <translation>Tutti i punti di {what} hanno peso zero: non c'è nulla da coprire.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="205" />
            <source>All areas</source>
            <translation>Tutte le aree</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="207" />
            <source>None of the {n} demand points lies in the areas of interest: check the demand layer and its CRS.</source>
            <translation>Nessuno dei {n} punti di domanda si trova nelle aree di interesse: controlla il layer della domanda e il suo SR.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="210" />
            <source>All access points</source>
            <translation>Tutti gli access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="217" />
            <source>None of the {n} demand points lies near the access points: check the demand layer and its CRS.</source>
            <translation>Nessuno dei {n} punti di domanda si trova vicino agli access point: controlla il layer della domanda e il suo SR.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/coverage.py" line="220" />
            <source>No demand point is within reach of an access point.</source>
            <translation>Nessun punto di domanda è alla portata di un access point.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/geometry.py" line="158" />
            <source>The coordinates of {what} look like degrees: distances need a projected CRS in metres (e.g. EPSG:6707 or EPSG:3003).</source>
            <translation>Le coordinate di {what} sembrano gradi: le distanze richiedono un SR proiettato in metri (ad es. EPSG:6707 o EPSG:3003).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/geometry.py" line="255" />
            <source>The grid spacing must be greater than zero.</source>
            <translation>Il passo della griglia deve essere maggiore di zero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/geometry.py" line="261" />
            <source>A grid spacing of {spacing} m over this area makes more than five million points: choose a larger spacing.</source>
            <translation>Un passo di griglia di {spacing} m su quest'area produce più di cinque milioni di punti: scegli un passo più grande.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="126" />
            <source>access point {id}</source>
            <translation>access point {id}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="178" />
            <source>Access point {origin}: "{value}" is not a known {field}; "{default}" is used.</source>
            <translation>Access point {origin}: "{value}" non è un valore noto di {field}; si usa "{default}".</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="207" />
            <source>Access point {origin}: the radius "{value}" is not a number; the default radius is used.</source>
            <translation>Access point {origin}: il raggio "{value}" non è un numero; si usa il raggio predefinito.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/schema.py" line="212" />
            <source>Access point {origin}: the install date "{value}" is not a date (YYYY-MM-DD); it is left empty.</source>
            <translation>Access point {origin}: la data di installazione "{value}" non è una data (AAAA-MM-GG); viene lasciata vuota.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="70" />
            <source>A grid of {spacing} m has no point inside the area of interest: choose a smaller spacing or a larger area.</source>
            <translation>Una griglia di {spacing} m non ha punti dentro l'area di interesse: scegli un passo più piccolo o un'area più grande.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="72" />
            <source>grid of {spacing} m</source>
            <translation>griglia di {spacing} m</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="120" />
            <source>with a minimum spacing the greedy method guarantees at least 1/6 of the best possible gain</source>
            <translation>con una distanza minima il metodo greedy garantisce almeno 1/6 del miglior guadagno possibile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="122" />
            <source>the greedy method guarantees at least 63% (1 - 1/e) of the best possible gain</source>
            <translation>il metodo greedy garantisce almeno il 63% (1 - 1/e) del miglior guadagno possibile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="123" />
            <source>In this run the chosen sites add at least {bound:.0%} of what the best possible {n} sites would add; in general {worst}.</source>
            <translation>In questa esecuzione i siti scelti aggiungono almeno il {bound:.0%} di quanto aggiungerebbero i migliori {n} siti possibili; in generale {worst}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="179" />
            <source>The number of new access points must be at least 1.</source>
            <translation>Il numero di nuovi access point deve essere almeno 1.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="181" />
            <source>The radius of the new access points must be greater than zero.</source>
            <translation>Il raggio dei nuovi access point deve essere maggiore di zero.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="183" />
            <source>The minimum spacing cannot be negative.</source>
            <translation>La distanza minima non può essere negativa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="185" />
            <source>There are no candidate sites.</source>
            <translation>Non ci sono siti candidati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="186" />
            <source>the candidate sites</source>
            <translation>i siti candidati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="202" />
            <source>{n} candidate sites are closer than {d} m to an existing access point and are not considered.</source>
            <translation>{n} siti candidati sono a meno di {d} m da un access point esistente e non sono considerati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="207" />
            <source>{n} candidate sites lie in the exclusion areas and are not considered.</source>
            <translation>{n} siti candidati si trovano nelle aree di esclusione e non sono considerati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="210" />
            <source>No candidate site is left once exclusion areas and spacing are applied.</source>
            <translation>Non resta alcun sito candidato dopo aver applicato le aree di esclusione e la distanza minima.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="225" />
            <source>No candidate site is within {r} m of any demand point: check that the candidates and the demand overlap (and their CRS).</source>
            <translation>Nessun sito candidato è entro {r} m da un punto di domanda: controlla che i candidati e la domanda si sovrappongano (e il loro SR).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="227" />
            <source>Every demand point that a candidate site could reach is already covered.</source>
            <translation>Tutti i punti di domanda raggiungibili da un sito candidato sono già coperti.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="247" />
            <source>Site selection cancelled.</source>
            <translation>Selezione dei siti annullata.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="279" />
            <source>Only {k} of the {n} requested sites add covered demand; no other allowed candidate would cover anything new.</source>
            <translation>Solo {k} dei {n} siti richiesti aggiungono domanda coperta; nessun altro candidato ammesso coprirebbe qualcosa di nuovo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="303" />
            <source>it covers {n} more demand points (weight {w:g}) that no access point reached</source>
            <translation>copre altri {n} punti di domanda (peso {w:g}) non raggiunti da alcun access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="306" />
            <source>it covers {n} more demand points that no access point reached</source>
            <translation>copre altri {n} punti di domanda non raggiunti da alcun access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="307" />
            <source>Rank {rank}: {gain}, the largest gain left; coverage rises to {share:.1%}.</source>
            <translation>Posizione {rank}: {gain}, il maggior guadagno rimasto; la copertura sale al {share:.1%}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="310" />
            <source>Nearest existing access point: {name}, {d:.0f} m.</source>
            <translation>Access point esistente più vicino: {name}, {d:.0f} m.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="317" />
            <source>demand weight</source>
            <translation>peso della domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="317" />
            <source>demand points</source>
            <translation>punti di domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/core/wifi/siting.py" line="319" />
            <source>Coverage of the {what}: {before:.1%} before, {after:.1%} after {n} new access points.</source>
            <translation>Copertura ({what}): {before:.1%} prima, {after:.1%} dopo {n} nuovi access point.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="83" />
            <source>{name} added to the map.</source>
            <translation>{name} aggiunto alla mappa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="95" />
            <source>Downloading {name}</source>
            <translation>Download di {name}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="102" />
            <source>The cache was cleared, except {count} resources that layers on the map read.</source>
            <translation>La cache è stata svuotata, tranne {count} risorse lette da layer sulla mappa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="106" />
            <source>Large download</source>
            <translation>Download di grandi dimensioni</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="106" />
            <source>Download it anyway?</source>
            <translation>Scaricarlo comunque?</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="112" />
            <source>Coordinate reference system of {name}</source>
            <translation>Sistema di riferimento di {name}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="113" />
            <source>Nothing in {name} tells its coordinate reference system: choose it.</source>
            <translation>Nulla in {name} indica il suo sistema di riferimento: sceglilo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="131" />
            <source>{layer} is on the map and reads the cached copy: remove the layer from the project first.</source>
            <translation>{layer} è sulla mappa e legge la copia in cache: prima rimuovi il layer dal progetto.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_actions.py" line="137" />
            <source>The resource was removed from the offline cache.</source>
            <translation>La risorsa è stata rimossa dalla cache offline.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="74" />
            <source>Prato Open Data</source>
            <translation>Prato Open Data</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="85" />
            <source>Refresh</source>
            <translation>Aggiorna</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="104" />
            <source>Organisations</source>
            <translation>Organizzazioni</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="105" />
            <source>Groups</source>
            <translation>Gruppi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="212" />
            <source>Show dataset page</source>
            <translation>Mostra la pagina del dataset</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="210" />
            <source>Add to map</source>
            <translation>Aggiungi alla mappa</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="215" />
            <source>Remove from cache</source>
            <translation>Rimuovi dalla cache</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/catalogue_browser.py" line="239" />
            <source>Reading the dataset</source>
            <translation>Lettura del dataset</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="29" />
            <source>New intervention (point)</source>
            <translation>Nuovo intervento (punto)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="29" />
            <source>New intervention (line)</source>
            <translation>Nuovo intervento (linea)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="30" />
            <source>New intervention (area)</source>
            <translation>Nuovo intervento (area)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="130" />
            <source>Repair</source>
            <translation>Correggi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="138" />
            <source>The geometry cannot be repaired: redraw it.</source>
            <translation>La geometria non può essere corretta: ridisegnala.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="141" />
            <source>Repair geometry</source>
            <translation>Correggi la geometria</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="144" />
            <source>Geometry repaired.</source>
            <translation>Geometria corretta.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="168" />
            <source>(untitled)</source>
            <translation>(senza titolo)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="175" />
            <source>The interventions store refuses these edits: {problems} They stay in the layer being edited, unsaved: correct them and save again.</source>
            <translation>L'archivio degli interventi rifiuta queste modifiche: {problems} Restano nel layer in modifica, non salvate: correggile e salva di nuovo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/interventions_actions.py" line="179" />
            <source>Check these interventions: {problems}</source>
            <translation>Controlla questi interventi: {problems}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/messages.py" line="35" />
            <source>Details</source>
            <translation>Dettagli</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/messages.py" line="60" />
            <source>Unexpected error: {error}</source>
            <translation>Errore imprevisto: {error}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/plugin.py" line="49" />
            <source>The Processing provider {id} is already registered.</source>
            <translation>Il provider Processing {id} è già registrato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/plugin.py" line="64" />
            <source>Show the Prato Smart City panel</source>
            <translation>Mostra il pannello Prato Smart City</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/plugin.py" line="101" />
            <source>Export contractor package…</source>
            <translation>Esporta il pacchetto per le imprese…</translation>
        </message>
    </context>
    <context>
        <name>PrepareFieldKitAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="37" />
            <source>Prepare field kit</source>
            <translation>Prepara il kit per il rilievo sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="40" />
            <source>Field work</source>
            <translation>Lavoro sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="50" />
            <source>Makes a self-contained folder to work offline: the chosen layers clipped to the area (online layers become local copies), raster basemaps cached as MBTiles for the zoom range, the interventions store with its change log, and a project that uses only those copies. The area is the union of the (selected) features of the area layer, e.g. a district, or else the extent. Layers that cannot be taken offline are listed with the reason. A folder holding a kit with changes not yet synced is never overwritten.</source>
            <translation>Crea una cartella autonoma per lavorare offline: i layer scelti ritagliati sull'area (i layer online diventano copie locali), le mappe di base raster in cache come MBTiles per l'intervallo di zoom, l'archivio degli interventi con il suo registro delle modifiche e un progetto che usa solo queste copie. L'area è l'unione degli elementi (selezionati) del layer dell'area, ad es. un quartiere, oppure l'estensione. I layer che non si possono portare offline sono elencati con il motivo. Una cartella che contiene un kit con modifiche non ancora sincronizzate non viene mai sovrascritta.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="59" />
            <source>Area (polygons, e.g. a district; selected features only if ticked)</source>
            <translation>Area (poligoni, ad es. un quartiere; solo gli elementi selezionati se spuntato)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="67" />
            <source>Area (extent)</source>
            <translation>Area (estensione)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="68" />
            <source>Layers to take (all the project's layers if none)</source>
            <translation>Layer da portare (tutti i layer del progetto se nessuno)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="76" />
            <source>Basemap minimum zoom</source>
            <translation>Zoom minimo della mappa di base</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="81" />
            <source>Basemap maximum zoom</source>
            <translation>Zoom massimo della mappa di base</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="86" />
            <source>Maximum basemap tiles per layer</source>
            <translation>Numero massimo di tasselli della mappa di base per layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="96" />
            <source>Field kit folder</source>
            <translation>Cartella del kit per il rilievo sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="97" />
            <source>Field kit project</source>
            <translation>Progetto del kit per il rilievo sul campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="98" />
            <source>Size of the sources (bytes)</source>
            <translation>Dimensione delle fonti (byte)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="99" />
            <source>Size of the kit (bytes)</source>
            <translation>Dimensione del kit (byte)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="100" />
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="107" />
            <source>A project is needed to prepare a field kit.</source>
            <translation>Serve un progetto per preparare un kit per il rilievo sul campo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="122" />
            <source>{name} was not taken offline: {reason}</source>
            <translation>{name} non è stato portato offline: {reason}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="145" />
            <source>The area layer has no (selected) polygon.</source>
            <translation>Il layer dell'area non ha poligoni (selezionati).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/field_kit_algorithm.py" line="151" />
            <source>Choose an area: a polygon layer (e.g. a district) or an extent.</source>
            <translation>Scegli un'area: un layer poligonale (ad es. un quartiere) o un'estensione.</translation>
        </message>
    </context>
    <context>
        <name>RoadWorksClashesAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="116" />
            <source>Road works clashes</source>
            <translation>Interferenze tra cantieri</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="78" />
            <source>Interventions</source>
            <translation>Interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="84" />
            <source>Finds road works (category "Road works") that are at the same place at the same time: their areas overlap (lines and points: they meet), or they lie within the given distance on the same street (street names compared without case, accents, "via"/"v."/"viale" and house numbers), and their date ranges overlap, both ends included.

A missing start or end date means the work is open on that side (unless "Treat missing dates as open" is off: then such works are left out and listed in the log). Cancelled and completed works are ignored unless asked. A work received from the municipal API with the same identifier as a local one is the same work: the local copy is checked.

Intervention layers: by default every layer of the project with the interventions' fields (the store's three layers). The clash layer shows where each clash is: the shared area, or the shared line or point or the shortest line between the two works, widened by 1 m so that it shows on the map.</source>
            <translation>Trova i lavori stradali (categoria "Lavori stradali") che si trovano nello stesso luogo nello stesso periodo: le loro aree si sovrappongono (linee e punti: si toccano), oppure si trovano entro la distanza indicata sulla stessa strada (nomi delle vie confrontati senza maiuscole, accenti, "via"/"v."/"viale" e numeri civici), e i loro periodi si sovrappongono, estremi inclusi.

Una data di inizio o di fine mancante significa che il lavoro è aperto da quel lato (a meno che "Considera aperte le date mancanti" sia disattivato: allora quei lavori sono esclusi ed elencati nel log). I lavori annullati e completati sono ignorati, se non richiesto. Un lavoro ricevuto dall'API comunale con lo stesso identificativo di uno locale è lo stesso lavoro: si verifica la copia locale.

Layer degli interventi: per impostazione predefinita ogni layer del progetto con i campi degli interventi (i tre layer dell'archivio). Il layer delle interferenze mostra dove si trova ciascuna: l'area comune, oppure la linea o il punto in comune o la linea più breve tra i due lavori, allargata di 1 m perché sia visibile sulla mappa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="98" />
            <source>Intervention layers (empty: the project's interventions layers)</source>
            <translation>Layer degli interventi (vuoto: i layer degli interventi del progetto)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="102" />
            <source>Interventions received from the municipal API</source>
            <translation>Interventi ricevuti dall'API comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="105" />
            <source>Distance between works on the same street</source>
            <translation>Distanza tra lavori sulla stessa strada</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="109" />
            <source>Also report works of the same responsible body</source>
            <translation>Segnala anche lavori dello stesso ente responsabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="111" />
            <source>Also check cancelled and completed works</source>
            <translation>Verifica anche i lavori annullati e completati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="113" />
            <source>Treat missing dates as open (no start: already under way; no end: no end planned)</source>
            <translation>Considera aperte le date mancanti (senza inizio: già in corso; senza fine: nessuna fine prevista)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="118" />
            <source>Road works clashes (table)</source>
            <translation>Interferenze tra cantieri (tabella)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="121" />
            <source>Clash report (HTML)</source>
            <translation>Report delle interferenze (HTML)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="121" />
            <source>HTML files (*.html)</source>
            <translation>File HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="124" />
            <source>Number of clashes</source>
            <translation>Numero di interferenze</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="125" />
            <source>Number of road works checked</source>
            <translation>Numero di cantieri stradali verificati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="142" />
            <source>No interventions layer to check: add the interventions store to the project or choose the layers.</source>
            <translation>Nessun layer di interventi da verificare: aggiungi l'archivio degli interventi al progetto o scegli i layer.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="147" />
            <source>Missing fields: {fields}</source>
            <translation>Campi mancanti: {fields}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="148" />
            <source>The layer {layer} is not an interventions layer.</source>
            <translation>Il layer {layer} non è un layer di interventi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="162" />
            <source>{layer}: {n} road works</source>
            <translation>{layer}: {n} cantieri stradali</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="176" />
            <source>Not checked: {title} ({uuid}): {reason}</source>
            <translation>Non verificato: {title} ({uuid}): {reason}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/road_works_clashes.py" line="178" />
            <source>{n} clashes among {m} road works.</source>
            <translation>{n} interferenze tra {m} cantieri stradali.</translation>
        </message>
    </context>
    <context>
        <name>SyncInterventionsAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="28" />
            <source>Sync interventions with the municipal API</source>
            <translation>Sincronizza gli interventi con l'API comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="31" />
            <source>Interventions</source>
            <translation>Interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="37" />
            <source>Sends the local changes of the interventions store to the municipal API (OGC API - Features), then receives the changes made by others since the last sync. Nothing is sent twice, and a change never overwrites a newer version on the server: a feature changed on both sides is a conflict. By default conflicts are kept for review in the dock; a policy can settle them all (mine: send the local version; theirs: take the server's; keep both: take the server's and keep the local one as a new intervention). The API's address, collection and authentication default to the plugin's options.</source>
            <translation>Invia all'API comunale (OGC API - Features) le modifiche locali dell'archivio degli interventi, poi riceve le modifiche fatte da altri dall'ultima sincronizzazione. Nulla viene inviato due volte, e una modifica non sovrascrive mai una versione più recente sul server: un elemento modificato da entrambe le parti è un conflitto. Per impostazione predefinita i conflitti restano da esaminare nel pannello; un criterio può risolverli tutti (mia: invia la versione locale; loro: prendi quella del server; tieni entrambe: prendi quella del server e conserva quella locale come nuovo intervento). Indirizzo, collezione e autenticazione dell'API sono per impostazione predefinita quelli delle opzioni del plugin.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="46" />
            <source>Interventions store (empty: the one in the options or the project's folder)</source>
            <translation>Archivio degli interventi (vuoto: quello delle opzioni o della cartella del progetto)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="49" />
            <source>API address (empty: from the options)</source>
            <translation>Indirizzo dell'API (vuoto: dalle opzioni)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="51" />
            <source>Collection (empty: from the options)</source>
            <translation>Collezione (vuoto: dalle opzioni)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="54" />
            <source>Authentication (empty: from the options)</source>
            <translation>Autenticazione (vuoto: dalle opzioni)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="56" />
            <source>Conflicts</source>
            <translation>Conflitti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="56" />
            <source>Keep them for review</source>
            <translation>Conservali da esaminare</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="56" />
            <source>Mine: send the local version</source>
            <translation>Mia: invia la versione locale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="56" />
            <source>Theirs: take the server's version</source>
            <translation>Loro: prendi la versione del server</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="56" />
            <source>Keep both</source>
            <translation>Tieni entrambe</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="60" />
            <source>Sent</source>
            <translation>Inviati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="60" />
            <source>Received</source>
            <translation>Ricevuti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="60" />
            <source>Open conflicts</source>
            <translation>Conflitti aperti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="60" />
            <source>Refused</source>
            <translation>Rifiutati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="63" />
            <source>Summary</source>
            <translation>Riepilogo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/sync_interventions.py" line="83" />
            <source>Refused {uuid}: {message}</source>
            <translation>Rifiutato {uuid}: {message}</translation>
        </message>
    </context>
    <context>
        <name>SyncPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="64" />
            <source>Municipal API</source>
            <translation>API comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="69" />
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="72" />
            <source>Local changes to send</source>
            <translation>Modifiche locali da inviare</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="75" />
            <source>Last successful sync</source>
            <translation>Ultima sincronizzazione riuscita</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="79" />
            <source>Last result</source>
            <translation>Ultimo risultato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="81" />
            <source>Sync now</source>
            <translation>Sincronizza ora</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="83" />
            <source>Send the local changes, then receive the others' changes</source>
            <translation>Invia le modifiche locali, poi ricevi le modifiche degli altri</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="86" />
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="91" />
            <source>Options…</source>
            <translation>Opzioni…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="103" />
            <source>Conflicts</source>
            <translation>Conflitti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="105" />
            <source>Changed here and on the server since the last sync: nothing was overwritten. Compare and choose.</source>
            <translation>Modificato qui e sul server dall'ultima sincronizzazione: nulla è stato sovrascritto. Confronta e scegli.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="116" />
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="116" />
            <source>Mine</source>
            <translation>Mia</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="116" />
            <source>Theirs (server)</source>
            <translation>Loro (server)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="122" />
            <source>Keep mine</source>
            <translation>Tieni la mia</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="124" />
            <source>Send my version to the server, over theirs</source>
            <translation>Invia la mia versione al server, sovrascrivendo la loro</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="126" />
            <source>Take theirs</source>
            <translation>Prendi la loro</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="128" />
            <source>Replace my version with the server's</source>
            <translation>Sostituisci la mia versione con quella del server</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="130" />
            <source>Keep both</source>
            <translation>Tieni entrambe</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="132" />
            <source>Take the server's version and keep mine as a new intervention</source>
            <translation>Prendi la versione del server e conserva la mia come nuovo intervento</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="137" />
            <source>On the map: &lt;span style="color:#1f78b4"&gt;mine&lt;/span&gt;, &lt;span style="color:#e31a1c"&gt;theirs&lt;/span&gt;.</source>
            <translation>Sulla mappa: &lt;span style="color:#1f78b4"&gt;mia&lt;/span&gt;, &lt;span style="color:#e31a1c"&gt;loro&lt;/span&gt;.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="143" />
            <source>Refused changes</source>
            <translation>Modifiche rifiutate</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="150" />
            <source>Kept here and sent again once you fix them.</source>
            <translation>Conservate qui e inviate di nuovo quando le avrai corrette.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="193" />
            <source>Not configured: set the address in the options.</source>
            <translation>Non configurato: imposta l'indirizzo nelle opzioni.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="202" />
            <source>No interventions store yet</source>
            <translation>Ancora nessun archivio degli interventi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="210" />
            <source>Never</source>
            <translation>Mai</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="215" />
            <source>The last sync did not finish; the next one resumes it.</source>
            <translation>L'ultima sincronizzazione non è terminata; la prossima la riprende.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="220" />
            <source>Sent {sent}, received {received}, conflicts {conflicts}, rejected {rejected}.</source>
            <translation>Inviati {sent}, ricevuti {received}, conflitti {conflicts}, rifiutati {rejected}.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="236" />
            <source> (deleted on the server)</source>
            <translation> (eliminato sul server)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="236" />
            <source> (deleted here)</source>
            <translation> (eliminato qui)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="268" />
            <source>Syncing…</source>
            <translation>Sincronizzazione in corso…</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="292" />
            <source>Cancelled: the next sync resumes where this one stopped.</source>
            <translation>Annullata: la prossima sincronizzazione riprende da dove si è fermata questa.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="328" />
            <source>State</source>
            <translation>Stato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="328" />
            <source>deleted</source>
            <translation>eliminato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/sync_panel.py" line="328" />
            <source>present</source>
            <translation>presente</translation>
        </message>
    </context>
    <context>
        <name>WifiCoverage</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="227" />
            <source>Wi-Fi coverage and gaps</source>
            <translation>Copertura Wi-Fi e zone scoperte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="230" />
            <source>Union of the coverage discs of the access points (radius per access point, default by programme), computed in metres. For each area of interest (the comune if none is given): covered area and share, and the gaps (the parts not covered). With a demand layer (bus stops, schools, population points, with an optional weight field): the covered share of the demand, per area and in all.</source>
            <translation>Unione dei cerchi di copertura degli access point (raggio per access point, predefinito secondo il programma), calcolata in metri. Per ogni area di interesse (il comune, se non ne è indicata nessuna): superficie e quota coperte, e le zone scoperte (le parti non coperte). Con un layer della domanda (fermate dell'autobus, scuole, punti di popolazione, con un campo del peso facoltativo): la quota coperta della domanda, per area e in totale.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="238" />
            <source>Areas of interest (default: the comune)</source>
            <translation>Aree di interesse (predefinito: il comune)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="240" />
            <source>Area name field</source>
            <translation>Campo del nome dell'area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="242" />
            <source>Demand points</source>
            <translation>Punti di domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="244" />
            <source>Demand weight field</source>
            <translation>Campo del peso della domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="247" />
            <source>Wi-Fi coverage</source>
            <translation>Copertura Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="249" />
            <source>Wi-Fi gaps</source>
            <translation>Zone scoperte Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="251" />
            <source>Wi-Fi coverage by area</source>
            <translation>Copertura Wi-Fi per area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="253" />
            <source>Access points (checked)</source>
            <translation>Access point (verificati)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="256" />
            <source>Covered area (m²)</source>
            <translation>Superficie coperta (m²)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="257" />
            <source>Covered share of the areas (0–1)</source>
            <translation>Quota coperta delle aree (0–1)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="258" />
            <source>Covered share of the demand (0–1)</source>
            <translation>Quota coperta della domanda (0–1)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="259" />
            <source>Summary</source>
            <translation>Riepilogo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="275" />
            <source>The areas of interest</source>
            <translation>Le aree di interesse</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="278" />
            <source>Comune di Prato</source>
            <translation>Comune di Prato</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="335" />
            <source>Covered area: {area:.2f} km².</source>
            <translation>Superficie coperta: {area:.2f} km².</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="337" />
            <source>{name}: {share:.1%} of {area:.2f} km² covered</source>
            <translation>{name}: {share:.1%} di {area:.2f} km² coperto</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="340" />
            <source>; demand covered: {share:.1%}</source>
            <translation>; domanda coperta: {share:.1%}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="343" />
            <source>Demand covered: {share:.1%}.</source>
            <translation>Domanda coperta: {share:.1%}.</translation>
        </message>
    </context>
    <context>
        <name>WifiLoadAccessPoints</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="165" />
            <source>Load Wi-Fi access points</source>
            <translation>Carica gli access point Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="168" />
            <source>Copies a point layer onto the canonical access-point schema (identifier, name, site, programme, status, install date, radius, notes), with a field for each schema field you map. The Comune's Wi-Fi coverage areas are read directly: each area's centroid stands in for its access point. Access points outside the comune or at the same spot as another are kept and flagged; missing radii get the default of their programme.</source>
            <translation>Copia un layer di punti nello schema canonico degli access point (identificativo, nome, sito, programma, stato, data di installazione, raggio, note), con un campo per ogni campo dello schema che associ. Le aree di copertura Wi-Fi del Comune vengono lette direttamente: il centroide di ogni area fa le veci del suo access point. Gli access point fuori dal comune o nello stesso punto di un altro sono mantenuti e segnalati; ai raggi mancanti si assegna il valore predefinito del loro programma.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="178" />
            <source>Input layer</source>
            <translation>Layer di ingresso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="180" />
            <source>Field for: {field}</source>
            <translation>Campo per: {field}</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="185" />
            <source>Programme where missing</source>
            <translation>Programma dove manca</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="188" />
            <source>Status where missing</source>
            <translation>Stato dove manca</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="191" />
            <source>Comune boundary (access points outside are flagged)</source>
            <translation>Confine comunale (gli access point esterni sono segnalati)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="196" />
            <source>Wi-Fi access points</source>
            <translation>Access point Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="198" />
            <source>Access points</source>
            <translation>Access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="199" />
            <source>Flagged access points</source>
            <translation>Access point segnalati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="212" />
            <source>The comune boundary</source>
            <translation>Il confine comunale</translation>
        </message>
    </context>
    <context>
        <name>WifiPanel</name>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="91" />
            <source>Access points</source>
            <translation>Access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="94" />
            <source>A point layer of access points, or the Comune's Wi-Fi coverage areas (their centroids stand in for the access points).</source>
            <translation>Un layer di punti con gli access point, oppure le aree di copertura Wi-Fi del Comune (i loro centroidi fanno le veci degli access point).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="96" />
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="97" />
            <source>Load as access points</source>
            <translation>Carica come access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="99" />
            <source>Copy the layer onto the access-point schema, with checks (outside the comune, duplicates, missing radius) and the Wi-Fi style.</source>
            <translation>Copia il layer nello schema degli access point, con i controlli (fuori dal comune, duplicati, raggio mancante) e lo stile Wi-Fi.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="104" />
            <source>Access points outside it are flagged; empty: the demo's boundary of Prato.</source>
            <translation>Gli access point esterni sono segnalati; vuoto: il confine di Prato del progetto dimostrativo.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="105" />
            <source>Comune boundary</source>
            <translation>Confine comunale</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="306" />
            <source>Coverage</source>
            <translation>Copertura</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="111" />
            <source>Districts, squares or a drawn polygon; empty: the comune.</source>
            <translation>Quartieri, piazze o un poligono disegnato; vuoto: il comune.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="112" />
            <source>Areas of interest</source>
            <translation>Aree di interesse</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="114" />
            <source>Bus stops, schools, population points... Empty: the area is covered evenly.</source>
            <translation>Fermate dell'autobus, scuole, punti di popolazione... Vuoto: l'area è coperta in modo uniforme.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="115" />
            <source>Demand points</source>
            <translation>Punti di domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="121" />
            <source>Weight field</source>
            <translation>Campo del peso</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="122" />
            <source>Compute coverage and gaps</source>
            <translation>Calcola copertura e zone scoperte</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="149" />
            <source>Plan new access points</source>
            <translation>Pianifica nuovi access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="131" />
            <source>New access points</source>
            <translation>Nuovi access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="133" />
            <source>Radius of a new access point</source>
            <translation>Raggio di un nuovo access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="135" />
            <source>Minimum spacing</source>
            <translation>Distanza minima</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="138" />
            <source>Grid over the area of interest</source>
            <translation>Griglia sull'area di interesse</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="139" />
            <source>Candidate sites layer</source>
            <translation>Layer dei siti candidati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="140" />
            <source>Candidate sites</source>
            <translation>Siti candidati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="142" />
            <source>Grid spacing</source>
            <translation>Passo della griglia</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="144" />
            <source>Candidate layer</source>
            <translation>Layer dei candidati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="146" />
            <source>Exclusion areas</source>
            <translation>Aree di esclusione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="161" />
            <source>Cancel</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="192" />
            <source>Choose a layer of access points first.</source>
            <translation>Scegli prima un layer di access point.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="201" />
            <source>Wi-Fi access points</source>
            <translation>Access point Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="208" />
            <source>Wi-Fi coverage</source>
            <translation>Copertura Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="208" />
            <source>Wi-Fi gaps</source>
            <translation>Zone scoperte Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="208" />
            <source>Wi-Fi coverage by area</source>
            <translation>Copertura Wi-Fi per area</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="215" />
            <source>Choose the candidate sites layer, or use a grid over the area.</source>
            <translation>Scegli il layer dei siti candidati, oppure usa una griglia sull'area.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="222" />
            <source>New Wi-Fi sites</source>
            <translation>Nuovi siti Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="222" />
            <source>Wi-Fi coverage before and after</source>
            <translation>Copertura Wi-Fi prima e dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="233" />
            <source>A Wi-Fi analysis is already running.</source>
            <translation>Un'analisi Wi-Fi è già in corso.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="237" />
            <source>The Prato Smart City Processing provider is not loaded.</source>
            <translation>Il provider Processing di Prato Smart City non è caricato.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="269" />
            <source>Wi-Fi analysis cancelled.</source>
            <translation>Analisi Wi-Fi annullata.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="273" />
            <source>The Wi-Fi analysis failed.</source>
            <translation>L'analisi Wi-Fi non è riuscita.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="290" />
            <source> (and {n} more notes)</source>
            <translation> (e altre {n} note)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="299" />
            <source>&lt;p&gt;&lt;b&gt;Coverage of the demand: {before:.1%} → {after:.1%}&lt;/b&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Copertura della domanda: {before:.1%} → {after:.1%}&lt;/b&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="306" />
            <source>Added demand</source>
            <translation>Domanda aggiunta</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="306" />
            <source>Nearest access point</source>
            <translation>Access point più vicino</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/gui/wifi_panel.py" line="317" />
            <source>{n} access points loaded, {k} flagged.</source>
            <translation>{n} access point caricati, {k} segnalati.</translation>
        </message>
    </context>
    <context>
        <name>WifiSiteSelection</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="352" />
            <source>Plan new Wi-Fi access points (site selection)</source>
            <translation>Pianifica nuovi access point Wi-Fi (scelta dei siti)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="355" />
            <source>Chooses N sites (14 by default) among candidate sites -- a point layer, or a grid over the area of interest -- that add the most covered demand, given the existing access points, with a minimum spacing and optional exclusion areas. Without a demand layer the area is covered evenly (a grid of demand points). Method: greedy maximum coverage with lazy evaluation (CELF). Without spacing it guarantees at least 63% (1 - 1/e) of the best possible gain; with a spacing the guarantee is weaker (1/6), and each run reports a proven bound computed from the data. Each chosen site says why it was picked: its rank, the demand it adds, the coverage reached and the nearest existing access point.</source>
            <translation>Sceglie N siti (14 per impostazione predefinita) tra i siti candidati -- un layer di punti, o una griglia sull'area di interesse -- che aggiungono più domanda coperta, dati gli access point esistenti, con una distanza minima e aree di esclusione facoltative. Senza un layer della domanda l'area è coperta in modo uniforme (una griglia di punti di domanda). Metodo: massima copertura greedy con valutazione pigra (CELF). Senza distanza minima garantisce almeno il 63% (1 - 1/e) del miglior guadagno possibile; con una distanza minima la garanzia è più debole (1/6), e ogni esecuzione riporta un limite dimostrato calcolato sui dati. Ogni sito scelto spiega perché è stato scelto: la sua posizione in classifica, la domanda che aggiunge, la copertura raggiunta e l'access point esistente più vicino.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="366" />
            <source>Demand points (default: an even grid over the area)</source>
            <translation>Punti di domanda (predefinito: una griglia uniforme sull'area)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="368" />
            <source>Demand weight field</source>
            <translation>Campo del peso della domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="371" />
            <source>Spacing of the demand grid without a demand layer (m)</source>
            <translation>Passo della griglia della domanda senza layer della domanda (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="374" />
            <source>Candidate sites (default: a grid over the area)</source>
            <translation>Siti candidati (predefinito: una griglia sull'area)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="376" />
            <source>Area of interest (default: the comune)</source>
            <translation>Area di interesse (predefinito: il comune)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="378" />
            <source>Spacing of the candidate grid (m)</source>
            <translation>Passo della griglia dei candidati (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="381" />
            <source>Number of new access points</source>
            <translation>Numero di nuovi access point</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="383" />
            <source>Radius of a new access point (m)</source>
            <translation>Raggio di un nuovo access point (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="386" />
            <source>Minimum spacing between access points (m)</source>
            <translation>Distanza minima tra access point (m)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="389" />
            <source>Keep the spacing from existing access points too</source>
            <translation>Mantieni la distanza minima anche dagli access point esistenti</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="391" />
            <source>Exclusion areas</source>
            <translation>Aree di esclusione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="393" />
            <source>New Wi-Fi sites</source>
            <translation>Nuovi siti Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="395" />
            <source>Wi-Fi coverage before and after</source>
            <translation>Copertura Wi-Fi prima e dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="397" />
            <source>Covered share of the demand before</source>
            <translation>Quota coperta della domanda prima</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="398" />
            <source>Covered share of the demand after</source>
            <translation>Quota coperta della domanda dopo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="399" />
            <source>Proven share of the best possible gain</source>
            <translation>Quota dimostrata del miglior guadagno possibile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="401" />
            <source>Summary</source>
            <translation>Riepilogo</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="418" />
            <source>The area of interest</source>
            <translation>L'area di interesse</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="425" />
            <source>Give a demand layer, or an area of interest to cover evenly.</source>
            <translation>Indica un layer della domanda, o un'area di interesse da coprire in modo uniforme.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="428" />
            <source>the demand grid</source>
            <translation>la griglia della domanda</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="429" />
            <source>No demand layer: the area is covered evenly, one demand point every {s:g} m ({n} points).</source>
            <translation>Nessun layer della domanda: l'area è coperta in modo uniforme, un punto di domanda ogni {s:g} m ({n} punti).</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="435" />
            <source>The candidate sites</source>
            <translation>I siti candidati</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="440" />
            <source>Give candidate sites, or an area of interest to lay a grid of candidates over.</source>
            <translation>Indica i siti candidati, o un'area di interesse su cui stendere una griglia di candidati.</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="444" />
            <source>The exclusion areas</source>
            <translation>Le aree di esclusione</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="458" />
            <source>New site {rank}</source>
            <translation>Nuovo sito {rank}</translation>
        </message>
    </context>
    <context>
        <name>_CycleAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="36" />
            <source>HTML files (*.html)</source>
            <translation>File HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="37" />
            <source>CSV files (*.csv)</source>
            <translation>File CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="63" />
            <source>Cycle network</source>
            <translation>Rete ciclabile</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="82" />
            <source>Cycle paths</source>
            <translation>Percorsi ciclabili</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="85" />
            <source>Snapping tolerance (metres, in the analysis CRS)</source>
            <translation>Tolleranza di aggancio (metri, nel SR di analisi)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="89" />
            <source>Analysis CRS (projected; geographic input is reprojected)</source>
            <translation>SR di analisi (proiettato; i dati in coordinate geografiche sono riproiettati)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="94" />
            <source>Report (HTML)</source>
            <translation>Report (HTML)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="96" />
            <source>Report (CSV)</source>
            <translation>Report (CSV)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/cycling_algorithms.py" line="176" />
            <source>Cycle paths: {attribution}</source>
            <translation>Percorsi ciclabili: {attribution}</translation>
        </message>
    </context>
    <context>
        <name>_WifiAlgorithm</name>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="90" />
            <source>Wi-Fi</source>
            <translation>Wi-Fi</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="97" />
            <source>Existing access points (points, or the Comune's coverage areas)</source>
            <translation>Access point esistenti (punti, o le aree di copertura del Comune)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="100" />
            <source>Radius field (metres)</source>
            <translation>Campo del raggio (metri)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="103" />
            <source>Radius where missing (m; 0 = default by programme)</source>
            <translation>Raggio dove manca (m; 0 = predefinito secondo il programma)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="106" />
            <source>Comune boundary (access points outside are flagged)</source>
            <translation>Confine comunale (gli access point esterni sono segnalati)</translation>
        </message>
        <message>
            <location filename="../../prato_smartcity_plugin/processing_provider/wifi_algorithms.py" line="118" />
            <source>The comune boundary</source>
            <translation>Il confine comunale</translation>
        </message>
    </context>
</TS>
