import type { LoaderFunctionArgs } from '@remix-run/node'
import { overviewDownload } from '~/routes-support/programme-overview-export.server'

// The programme view as a .xlsx file (read permission; 404 for an unknown programme).
export const loader = (args: LoaderFunctionArgs) => overviewDownload(args, 'xlsx')
