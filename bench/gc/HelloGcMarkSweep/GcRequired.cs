using Compose;
using Compose.Libraries.UkGc;

// A provider library selected in .config is composed, but an API is bound only when something requires it.
[assembly: Requires(typeof(IGarbageCollector))]
