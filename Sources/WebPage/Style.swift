/// The pages' one stylesheet (served as /style.css: the Content-Security-Policy allows no inline style or script). Plain,
/// legible, keyboard focus visible; on paper (A4) the navigation, forms and buttons are left out.
enum Style {
    static let css = """
    :root { font-family: Carlito, Calibri, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; }
    body { margin: 0 auto; max-width: 75rem; padding: 0 1rem 2rem; line-height: 1.4; }
    .skip { position: absolute; left: -10000px; }
    .skip:focus { position: static; }
    header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.25rem; padding: 0.75rem 0; margin: 0;
                    border-bottom: 2px solid #0b5394; }
    header nav a { color: #0b5394; font-weight: bold; text-decoration: none; }
    header nav a:hover, header nav a:focus { text-decoration: underline; }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f1c232; outline-offset: 2px; }
    h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
    h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid #ccc; }
    h3 { font-size: 1.05rem; }
    fieldset { border: 1px solid #bbb; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
    legend { font-weight: bold; }
    .field { margin: 0.6rem 0; }
    .field label { display: block; font-weight: bold; }
    .field input[type=text], .field select, .field textarea { width: 100%; max-width: 36rem; font: inherit; padding: 0.25rem; }
    .check { margin: 0.4rem 0; }
    .hint { color: #555; font-size: 0.9rem; margin: 0.1rem 0 0; }
    details { margin: 0.5rem 0 1rem; }
    summary { cursor: pointer; font-weight: bold; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }
    button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid #0b5394; background: #0b5394; color: #fff; border-radius: 3px; }
    button[name=download] { background: #fff; color: #0b5394; }
    table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
    caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
    th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
    thead th { background: #e8eef6; }
    table.budget th[scope=row], table.budget td.flags { white-space: nowrap; }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.region th { background: #f3f3f3; }
    tr.subtotal, tr.total { font-weight: bold; }
    tr.total { border-top: 3px double #333; }
    tr.marked td, tr.passed { background: #fff4d6; }
    .mark, .draft, .warning { color: #990000; font-weight: bold; }
    .flags abbr { text-decoration: none; margin-right: 0.2rem; }
    .scroll { overflow-x: auto; }
    dl.summary { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
    dl.summary dt { font-weight: bold; }
    dl.summary dd { margin: 0; }
    #total { font-weight: bold; }
    pre { white-space: pre-wrap; font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85rem; margin: 0.25rem 0; }
    pre.report { white-space: pre; overflow-x: auto; background: #fafafa; border: 1px solid #ddd; padding: 0.5rem; }
    .error { border: 2px solid #990000; padding: 0.5rem 1rem; background: #fff0f0; }
    .notes ul { padding-left: 1.2rem; }
    @page { size: A4; margin: 15mm 12mm; }
    @media print {
      :root { font-size: 9pt; }
      body { max-width: none; padding: 0; }
      header, form, .downloads, .buttons, .skip { display: none; }
      h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }   /* a heading stays with what it heads */
      details > summary { display: none; }
      details { display: block; }
      .scroll { overflow: visible; }
      table { page-break-inside: auto; font-size: 8pt; }
      tr { page-break-inside: avoid; }
      thead { display: table-header-group; }
      tfoot { display: table-row-group; }   /* the total once, at the end, not at the foot of every page */
      pre.report { white-space: pre-wrap; font-size: 7pt; border: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
