// The report as one standalone HTML file (for the command line's export): the same outline as
// every other format, rendered by the same Nunjucks macro as the page in the app.
import nunjucks from 'nunjucks';
import type { ReportDocument } from '../../../core/report/report-model.js';
import { formatDate } from '../../../platform/format.js';
import { srcDir } from '../../../platform/paths.js';
import { reportOutline } from './report-outline.js';

let environment: nunjucks.Environment | undefined;

/** Its own environment: the command line has no web service to borrow one from. */
function templates(): nunjucks.Environment {
  environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(srcDir), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  return environment;
}

/** The whole HTML document. `madeOn` is the date the file is made, YYYY-MM-DD. */
export function reportHtml(document: ReportDocument, madeOn: string): string {
  return templates().render('features/report/formats/report.html.njk', {
    outline: reportOutline(document),
    madeOn: formatDate(madeOn),
  });
}
