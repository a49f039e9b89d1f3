internal import CXLSXWriter
import Foundation
import OutputFiles
import Spreadsheet

/// Writes a ``Spreadsheet/Workbook`` as an .xlsx file with libxlsxwriter: the only file that touches the C library.
///
/// One writer, two memory modes: a whole model at once (``write(_:to:memory:)``), or a big sheet row by row in
/// libxlsxwriter's constant-memory mode (``init(path:sheets:memory:)``, ``prepare(_:at:)``, ``write(row:_:sheet:)``, then
/// ``finish(_:)`` with the rest of the model). Either way the file is written beside `path` under a temporary name, flushed
/// to disk and renamed into place once libxlsxwriter closed it without error (``OutputFiles/AtomicFile``); on any
/// failure nothing is left behind and the old file, if any, is untouched.
public final class XLSXFile {
    /// How libxlsxwriter holds the cells until the file is closed.
    public enum Memory: Sendable {
        /// Every cell in memory until the end (any order of writing).
        case whole
        /// Each row flushed to a temporary file as soon as the next begins (rows in increasing order, a row's cells
        /// written together): flat memory for a sheet of any size.
        case constant
    }

    private let document: XLSXDocument
    private let target: AtomicFile
    private let sheetNames: [String]
    private var finished = false
    private var prepared: Set<String> = []

    /// Writes a whole workbook model.
    public static func write(_ workbook: Workbook, to path: String, memory: Memory = .whole) throws(XLSXError) {
        try XLSXFile(path: path, sheets: workbook.sheets.map(\.name), memory: memory).finish(workbook)
    }

    /// Starts a workbook with these sheets, in this order; nothing is visible at `path` until ``finish(_:)``.
    public init(path: String, sheets: [String], memory: Memory) throws(XLSXError) {
        let target: AtomicFile
        do {
            target = try AtomicFile(path, temporarySuffix: ".xlsx")
        } catch {
            throw XLSXError(path: path, step: "creating the folder", reason: error.reason)
        }
        self.target = target
        self.sheetNames = sheets
        do {
            document = try XLSXDocument(path: target.temporary, reportedAs: path, constantMemory: memory == .constant)
            try document.addSheets(sheets)
        } catch {
            target.discard()
            throw error
        }
    }

    deinit {
        // A workbook dropped before finish leaves nothing behind.
        if !finished { target.discard() }
    }

    /// Sets a sheet up before its rows (column widths, frozen panes, filter, print setup: libxlsxwriter's constant-memory
    /// mode takes a filter only before the rows); ``finish(_:)`` then writes only that sheet's cells.
    public func prepare(_ sheet: Sheet, at index: Int) throws(XLSXError) {
        do {
            try document.setUp(sheet, sheet: index)
            prepared.insert(sheet.name)
        } catch {
            abandon()
            throw error
        }
    }

    /// Writes one row of a sheet; in constant memory, rows of a sheet must come in increasing order.
    public func write(row: Int, _ cells: [(column: Int, cell: Cell)], sheet: Int) throws(XLSXError) {
        do {
            try document.write(row: row, cells, sheet: sheet, name: sheetNames[sheet])
        } catch {
            abandon()
            throw error
        }
    }

    /// Writes the rows of a batch to a sheet; in constant memory, rows of a sheet must come in increasing order.
    public func write(_ batch: CellBatch, sheet: Int) throws(XLSXError) {
        do {
            try document.write(batch, sheet: sheet, name: sheetNames[sheet])
        } catch {
            abandon()
            throw error
        }
    }

    /// Writes the rest of every sheet from a model (a prepared sheet's later rows and charts, every other sheet whole), the
    /// names and the properties; closes the workbook, flushes it to disk and renames it into place.
    public func finish(_ model: Workbook) throws(XLSXError) {
        do {
            try document.finish(model, prepared: prepared)
            try document.close()
        } catch {
            abandon()
            throw error
        }
        finished = true
        do {
            try target.commit()
        } catch {
            throw XLSXError(path: target.path, step: "moving the finished workbook into place", reason: error.reason)
        }
    }

    private func abandon() {
        finished = true
        try? document.close()
        target.discard()
    }
}

/// Owns one libxlsxwriter workbook: `close()` hands it to `workbook_close`, which frees it whether it succeeds or not;
/// `deinit` frees only a workbook that was never closed. Worksheets, formats and charts are borrowed from it.
private final class XLSXDocument {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    /// C strings handed to libxlsxwriter that must live until the workbook is closed.
    private var retained: [UnsafeMutablePointer<CChar>] = []
    private var formats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []

    init(path temporary: String, reportedAs path: String, constantMemory: Bool) throws(XLSXError) {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1
        guard let workbook = workbook_new_opt(temporary, &options) else {
            throw XLSXError(path: path, step: "creating the workbook", reason: "libxlsxwriter could not start a workbook (out of memory?)")
        }
        self.workbook = workbook
    }

    deinit {
        if let workbook { lxw_workbook_free(workbook) }
        retained.forEach { free($0) }
    }

    /// Closes the workbook: assembles and zips the file.
    func close() throws(XLSXError) {
        guard let workbook else { return }
        self.workbook = nil
        let result = workbook_close(workbook)
        retained.forEach { free($0) }
        retained = []
        try check(result, "closing the workbook")
    }

    /// The one choke point: every libxlsxwriter status becomes a thrown error with its own message.
    private func check(_ result: lxw_error, _ step: @autoclosure () -> String) throws(XLSXError) {
        guard result.rawValue != LXW_NO_ERROR.rawValue else { return }
        let reason = lxw_strerror(result).map { String(cString: $0) } ?? "libxlsxwriter error \(result.rawValue)"
        throw XLSXError(path: path, step: step(), reason: reason)
    }

    private func keep(_ text: String) -> UnsafeMutablePointer<CChar>? {
        guard let copy = strdup(text) else { return nil }
        retained.append(copy)
        return copy
    }

    private func open() throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw XLSXError(path: path, step: "writing", reason: "the workbook is already closed") }
        return workbook
    }

    /// Worksheets added up front (streaming), by position.
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []

    func addSheets(_ names: [String]) throws(XLSXError) {
        let workbook = try open()
        for name in names {
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                throw XLSXError(path: path, step: "adding the sheet \"\(name)\"",
                                reason: "libxlsxwriter refused the sheet name (at most 31 characters, none of []:*?/\\, used once)")
            }
            worksheets.append(worksheet)
        }
    }

    func write(row: Int, _ cells: [(column: Int, cell: Cell)], sheet: Int, name: String) throws(XLSXError) {
        let workbook = try open()
        for (column, cell) in cells {
            try write(cell, at: CellAddress(row: row, column: column), on: worksheets[sheet], in: workbook, sheet: name)
        }
    }

    /// A batch's cells, by the same rules as ``write(_:at:on:in:sheet:)`` (text checked, text that looks like a formula kept
    /// as text), reading texts and formulas in place; each style's format is found once per batch.
    func write(_ batch: CellBatch, sheet index: Int, name: String) throws(XLSXError) {
        let workbook = try open()
        let worksheet = worksheets[index]
        let styles = batch.styles
        var found = [UnsafeMutablePointer<lxw_format>??](repeating: .none, count: styles.count)
        var foundAsText = found
        func chars(_ text: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
            UnsafeRawPointer(text.baseAddress!).assumingMemoryBound(to: CChar.self)
        }
        var failure: XLSXError?
        batch.forEach { cell in
            guard failure == nil else { return }
            let row = lxw_row_t(cell.row), column = lxw_col_t(cell.column)
            func step() -> String { "writing \(name)!\(CellAddress(row: cell.row, column: cell.column).a1)" }
            var format: UnsafeMutablePointer<lxw_format>?
            if cell.kind == .text, let first = cell.text.first, CellText.looksLikeFormula(byte: first) {
                if let made = foundAsText[cell.style] { format = made } else {
                    var style = styles[cell.style]
                    style.number = .text
                    format = self.format(style, in: workbook)
                    foundAsText[cell.style] = format
                }
            } else if let made = found[cell.style] {
                format = made
            } else {
                format = self.format(styles[cell.style], in: workbook)
                found[cell.style] = format
            }
            let result: lxw_error
            switch cell.kind {
            case .text:
                if let problem = CellText.problem(utf8: cell.text) {
                    failure = XLSXError(path: path, step: step(), reason: problem)
                    return
                }
                result = worksheet_write_string(worksheet, row, column, chars(cell.text), format)
            case .number:
                result = worksheet_write_number(worksheet, row, column, cell.number, format)
            case .formulaNumber:
                result = worksheet_write_formula_num(worksheet, row, column, chars(cell.text), format, cell.number)
            case .formulaText:
                result = worksheet_write_formula_str(worksheet, row, column, chars(cell.text), format, chars(cell.cachedText))
            case .blank:
                result = worksheet_write_blank(worksheet, row, column, format)
            }
            do throws(XLSXError) { try check(result, step()) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    func setUp(_ sheet: Sheet, sheet index: Int) throws(XLSXError) {
        let workbook = try open()
        try setUp(sheet, on: worksheets[index], in: workbook)
        for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
            try check(worksheet_set_row(worksheets[index], lxw_row_t(row), height, nil), "setting a row height on \(sheet.name)")
        }
    }

    /// Writes a model into the worksheets added up front, matched by name; a prepared sheet gets only its cells and charts.
    func finish(_ model: Workbook, prepared: Set<String>) throws(XLSXError) {
        let workbook = try open()
        try setProperties(model.properties, workbook)
        for name in model.definedNames {
            try check(workbook_define_name(workbook, name.name, name.formula), "defining the name \(name.name)")
        }
        for sheet in model.sheets {
            guard let worksheet = workbook_get_worksheet_by_name(workbook, sheet.name) else {
                throw XLSXError(path: path, step: "finishing the sheet \"\(sheet.name)\"", reason: "it was not added when the stream began")
            }
            if prepared.contains(sheet.name) {
                try writeRows(sheet, on: worksheet, in: workbook)
                for chart in sheet.charts { try insert(chart, on: worksheet, in: workbook, sheet: sheet.name) }
            } else {
                try write(sheet, to: worksheet, in: workbook)
            }
        }
    }

    private func setProperties(_ p: DocumentProperties, _ workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        var properties = lxw_doc_properties()
        properties.title = keep(p.title)
        properties.subject = keep(p.subject)
        properties.author = keep(p.author)
        properties.company = keep(p.company)
        properties.comments = keep(p.comments)
        // libxlsxwriter reads a creation time of 0 as "now": 1970-01-01 00:00:00 is written one second later, never the clock.
        properties.created = time_t(p.created == 0 ? 1 : p.created)
        try check(workbook_set_properties(workbook, &properties), "setting the document properties")
    }

    private func write(_ sheet: Sheet, to worksheet: UnsafeMutablePointer<lxw_worksheet>,
                       in workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        try setUp(sheet, on: worksheet, in: workbook)
        try writeRows(sheet, on: worksheet, in: workbook)
        for chart in sheet.charts {
            try insert(chart, on: worksheet, in: workbook, sheet: sheet.name)
        }
    }

    /// A sheet's rows in order, each with its height, the merged ranges it starts and its cells (in constant memory a row
    /// once left cannot be touched again).
    private func writeRows(_ sheet: Sheet, on worksheet: UnsafeMutablePointer<lxw_worksheet>,
                           in workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        let cells = sheet.orderedCells
        let rows = Set(cells.map(\.0.row)).union(sheet.rowHeights.keys).union(sheet.merges.map(\.first.row)).sorted()
        var next = 0
        for row in rows {
            if let height = sheet.rowHeights[row] {
                try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "setting a row height on \(sheet.name)")
            }
            for range in sheet.merges where range.first.row == row {
                let cell = sheet.cells[range.first]
                var text = ""
                if case .text(let t)? = cell?.value { text = t }
                try check(worksheet_merge_range(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                lxw_row_t(range.last.row), lxw_col_t(range.last.column), text,
                                                format(cell?.style ?? .note, in: workbook)),
                          "merging \(range.a1) on \(sheet.name)")
            }
            while next < cells.count, cells[next].0.row == row {
                try write(cells[next].1, at: cells[next].0, on: worksheet, in: workbook, sheet: sheet.name)
                next += 1
            }
        }
    }

    /// Column widths, frozen panes, print setup and filter.
    private func setUp(_ sheet: Sheet, on worksheet: UnsafeMutablePointer<lxw_worksheet>,
                       in workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil),
                      "setting a column width on \(sheet.name)")
        }
        worksheet_set_default_row(worksheet, PageMetrics.rowHeight, 0)
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            worksheet_freeze_panes(worksheet, lxw_row_t(sheet.frozenRows), lxw_col_t(sheet.frozenColumns))
        }
        if let setup = sheet.printSetup {
            worksheet_set_paper(worksheet, setup.paper == .a4 ? 9 : 1)
            if setup.landscape { worksheet_set_landscape(worksheet) }
            let m = PageMetrics.margins
            worksheet_set_margins(worksheet, m.left, m.right, m.top, m.bottom)
            worksheet_set_print_scale(worksheet, UInt16(setup.scale))
            var header = "&R&\"Calibri,Bold\"" + escapedForHeader(setup.header)
            if !setup.headerLeft.isEmpty { header = "&L" + escapedForHeader(setup.headerLeft) + header }
            var footer = "&C" + setup.footer
            if !setup.footerLeft.isEmpty { footer = "&L" + escapedForHeader(setup.footerLeft) + footer + "&R&A" }
            try check(worksheet_set_header(worksheet, String(header.prefix(250))), "setting the page header of \(sheet.name)")
            try check(worksheet_set_footer(worksheet, String(footer.prefix(250))), "setting the page footer of \(sheet.name)")
            if let rows = setup.repeatRows {
                try check(worksheet_repeat_rows(worksheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)),
                          "repeating the header rows of \(sheet.name)")
            }
            if let columns = setup.repeatColumns {
                try check(worksheet_repeat_columns(worksheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound)),
                          "repeating the first columns of \(sheet.name)")
            }
            if !setup.pageBreaks.isEmpty {
                var breaks = setup.pageBreaks.map { lxw_row_t($0) } + [0]
                try check(worksheet_set_h_pagebreaks(worksheet, &breaks), "setting the page breaks of \(sheet.name)")
            }
            if !setup.columnBreaks.isEmpty {
                var breaks = setup.columnBreaks.map { lxw_col_t($0) } + [0]
                try check(worksheet_set_v_pagebreaks(worksheet, &breaks), "setting the page breaks across of \(sheet.name)")
            }
        }
        if sheet.hidden { worksheet_hide(worksheet) }
        if let range = sheet.autofilter {
            try check(worksheet_autofilter(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                           lxw_row_t(range.last.row), lxw_col_t(range.last.column)),
                      "setting the filter of \(sheet.name)")
        }
        try setChecks(sheet, on: worksheet, in: workbook)
    }

    /// Input checks, marks and protection (part of a sheet's setup).
    private func setChecks(_ sheet: Sheet, on worksheet: UnsafeMutablePointer<lxw_worksheet>,
                           in workbook: UnsafeMutablePointer<lxw_workbook>) throws(XLSXError) {
        for validation in sheet.validations {
            var v = lxw_data_validation()
            var list: [UnsafeMutablePointer<CChar>?] = []
            switch validation.rule {
            case .list(let values):
                v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                list = values.map { keep($0) } + [nil]
            case .decimal(let bounds):
                v.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
                v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                (v.minimum_number, v.maximum_number) = (bounds.lowerBound, bounds.upperBound)
            case .whole(let bounds):
                v.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
                v.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                (v.minimum_number, v.maximum_number) = (Double(bounds.lowerBound), Double(bounds.upperBound))
            }
            v.input_title = keep(String(validation.inputTitle.prefix(32)))
            v.input_message = keep(String(validation.inputMessage.prefix(255)))
            v.error_title = keep("Not accepted")
            v.error_message = keep(String(validation.errorMessage.prefix(255)))
            let range = validation.range
            let result = list.withUnsafeMutableBufferPointer { buffer -> lxw_error in
                if !buffer.isEmpty { v.value_list = buffer.baseAddress }
                return worksheet_data_validation_range(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                       lxw_row_t(range.last.row), lxw_col_t(range.last.column), &v)
            }
            try check(result, "checking the input cells \(range.a1) on \(sheet.name)")
        }
        for conditional in sheet.conditionalFormats {
            var c = lxw_conditional_format()
            c.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            c.value_string = keep("=" + conditional.formula)
            c.format = mark(conditional.mark, in: workbook)
            let range = conditional.range
            try check(worksheet_conditional_format_range(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                                         lxw_row_t(range.last.row), lxw_col_t(range.last.column), &c),
                      "marking \(range.a1) on \(sheet.name)")
        }
        if sheet.protected {
            var protection = lxw_protection()
            protection.sort = 1
            protection.autofilter = 1
            protection.format_columns = 1
            protection.format_rows = 1
            worksheet_protect(worksheet, nil, &protection)
        }
    }

    private var marks: [ConditionalFormat.Mark: UnsafeMutablePointer<lxw_format>] = [:]

    /// The format of a conditional mark, made once per workbook.
    private func mark(_ mark: ConditionalFormat.Mark, in workbook: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        if let made = marks[mark] { return made }
        guard let format = workbook_add_format(workbook) else { return nil }
        switch mark {
        case .attention:
            format_set_bg_color(format, 0xFFE699)
        case .problem:
            format_set_bg_color(format, 0xFFC7CE)
            format_set_font_color(format, 0x9C0006)
        }
        marks[mark] = format
        return format
    }

    private func write(_ cell: Cell, at address: CellAddress, on worksheet: UnsafeMutablePointer<lxw_worksheet>,
                       in workbook: UnsafeMutablePointer<lxw_workbook>, sheet: String) throws(XLSXError) {
        let row = lxw_row_t(address.row)
        let column = lxw_col_t(address.column)
        func step() -> String { "writing \(sheet)!\(address.a1)" }
        switch cell.value {
        case .text(let text):
            if let problem = CellText.problem(text) { throw XLSXError(path: path, step: step(), reason: problem) }
            // Debian 12's libxlsxwriter (1.1.4) has no quote-prefix format; the text number format `@` keeps
            // what a user re-types in the cell as text too, in Excel and LibreOffice alike.
            var style = cell.style
            if CellText.looksLikeFormula(text) { style.number = .text }
            try check(worksheet_write_string(worksheet, row, column, text, format(style, in: workbook)), step())
        case .number(let number):
            try check(worksheet_write_number(worksheet, row, column, number, format(cell.style, in: workbook)), step())
        case .formula(let formula, .number(let cached)):
            try check(worksheet_write_formula_num(worksheet, row, column, formula, format(cell.style, in: workbook), cached), step())
        case .formula(let formula, .text(let cached)):
            try check(worksheet_write_formula_str(worksheet, row, column, formula, format(cell.style, in: workbook), cached), step())
        case .blank:
            try check(worksheet_write_blank(worksheet, row, column, format(cell.style, in: workbook)), step())
        }
    }

    private func insert(_ chart: Chart, on worksheet: UnsafeMutablePointer<lxw_worksheet>,
                        in workbook: UnsafeMutablePointer<lxw_workbook>, sheet: String) throws(XLSXError) {
        let type: lxw_chart_type
        switch chart.kind {
        case .clusteredColumns: type = LXW_CHART_COLUMN
        case .stackedColumns: type = LXW_CHART_COLUMN_STACKED
        case .pie: type = LXW_CHART_PIE
        }
        guard let drawn = workbook_add_chart(workbook, UInt8(type.rawValue)) else {
            throw XLSXError(path: path, step: "adding the chart \"\(chart.title)\"", reason: "libxlsxwriter could not create it")
        }
        for series in chart.series {
            guard let added = chart_add_series(drawn, series.categories, series.values) else {
                throw XLSXError(path: path, step: "adding the series \"\(series.name)\" to \"\(chart.title)\"",
                                reason: "libxlsxwriter could not add it")
            }
            chart_series_set_name(added, series.name)
        }
        chart_title_set_name(drawn, chart.title)
        if chart.kind != .pie {
            if !chart.categoryAxis.isEmpty { chart_axis_set_name(drawn.pointee.x_axis, chart.categoryAxis) }
            if !chart.valueAxis.isEmpty { chart_axis_set_name(drawn.pointee.y_axis, chart.valueAxis) }
            chart_axis_set_num_format(drawn.pointee.y_axis, "$#,##0")
        }
        chart_legend_set_position(drawn, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        var options = lxw_chart_options()
        options.x_scale = ChartSize.width / 480
        options.y_scale = ChartSize.height / 288
        try check(worksheet_insert_chart_opt(worksheet, lxw_row_t(chart.anchor.row), lxw_col_t(chart.anchor.column), drawn, &options),
                  "placing the chart \"\(chart.title)\" on \(sheet)")
    }


    /// The format for a style, made once per workbook.
    private func format(_ style: CellStyle, in workbook: UnsafeMutablePointer<lxw_workbook>) -> UnsafeMutablePointer<lxw_format>? {
        // A workbook has a handful of styles: a linear search beats hashing one per cell.
        if let made = formats.first(where: { $0.style == style }) { return made.format }
        guard let format = workbook_add_format(workbook) else { return nil }
        format_set_font_size(format, PageMetrics.bodySize)
        // Every cell at the top of its row, so that a line's figures stand beside the first line of its wrapped text.
        format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        switch style.role {
        case .title:
            format_set_bold(format)
            format_set_font_size(format, PageMetrics.titleSize)
        case .head:
            format_set_bold(format)
            format_set_bg_color(format, 0xD9E1F2)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .item:
            break
        case .total:
            format_set_bold(format)
            format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .input:
            format_set_bg_color(format, 0xFFF2CC)
            format_set_font_color(format, 0x1F4E79)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(format, 0xBF9000)
        case .note:
            format_set_italic(format)
            format_set_font_color(format, 0x595959)
        }
        if style.wraps { format_set_text_wrap(format) }
        if style.centered { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if style.role == .input { format_set_unlocked(format) }
        if let numberFormat = Self.numberFormat(style.number) { format_set_num_format(format, numberFormat) }
        formats.append((style, format))
        return format
    }

    private static func numberFormat(_ number: CellStyle.Number) -> String? {
        switch number {
        case .general: return nil
        case .usd: return "$#,##0.00"
        case .local(currency: "KRW"): return "₩#,##0"
        case .local(let currency): return "#,##0 \"\(currency.replacingOccurrences(of: "\"", with: ""))\""
        case .quoted(let currency): return "#,##0.00 \"\(currency.replacingOccurrences(of: "\"", with: ""))\""
        case .count: return "#,##0"
        case .rate: return "#,##0.00##"
        case .percent: return "0.00%"
        case .percentagePoints: return "+0.0;-0.0;0.0"
        case .text: return "@"
        }
    }

    private func escapedForHeader(_ text: String) -> String { text.replacingOccurrences(of: "&", with: "&&") }
}
