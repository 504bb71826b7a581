import { z } from 'zod';
import { NATIONAL_REGION, parseYuan, regionCodeProblem, type Fen, type RegionCode } from '@wage/domain';
import {
  envSchemas,
  pdfFontEnv,
  pdfFontOf,
  personalDataEnv,
  smsEnv,
  smsSettings,
  standardDefinition,
  type PdfFont,
  type ServiceDefinition,
  type SmsProviderSettings,
} from '@wage/platform';
import { database } from '../database';

const httpUrl = z
  .string()
  .refine(
    (v) => /^https?:\/\/[^\s/]+$/.test(v.replace(/\/+$/, '')),
    'must be an http:// or https:// URL without a path',
  );

/**
 * `regionCode=yuan` pairs, comma-separated (`000000=2030,350200=2030`): the monthly minimum wage (月最低工资标准) the
 * province publishes, by region; the most specific region of a project counts, `000000` for any region not listed.
 */
const minimumWages = z.string().transform((value, context) => {
  const table: Record<RegionCode, Fen> = {};
  for (const pair of value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    const [region = '', yuan = ''] = pair.split('=').map((p) => p.trim());
    const problem = regionCodeProblem(region);
    if (problem !== null) {
      context.addIssue({ code: 'custom', message: `"${pair}": ${problem}` });
      return z.NEVER;
    }
    try {
      table[region] = parseYuan(yuan, { positive: true });
    } catch {
      context.addIssue({ code: 'custom', message: `"${pair}": the wage is yuan, e.g. 2030 or 2030.00` });
      return z.NEVER;
    }
  }
  if (table[NATIONAL_REGION] === undefined) {
    context.addIssue({
      code: 'custom',
      message: `needs a national figure (${NATIONAL_REGION}=…) for regions not listed`,
    });
    return z.NEVER;
  }
  return table;
});

export const envSchema = envSchemas.base
  .extend(envSchemas.database.shape)
  .extend(envSchemas.kafka.shape)
  .extend(envSchemas.redis.shape)
  .extend(envSchemas.auth.shape)
  .extend(personalDataEnv.shape)
  .extend(smsEnv.shape)
  .extend(pdfFontEnv.shape)
  .extend({
    PORT: envSchemas.port.default(3001),
    /** Rows accepted in one worker, attendance or pay-sheet batch (or one imported file). */
    ROSTER_BATCH_CAP: z.coerce.number().int().min(1).max(100_000).default(10_000),
    /** How long a worker's session token lasts (workers' channel). */
    WORKER_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(1800),
    /**
     * Sign-in code requests one client address may make per hour (a site office's shared Wi-Fi serves many
     * workers); each identity number and each phone number may ask 5 times an hour wherever they ask from.
     */
    WORKER_CODE_REQUESTS_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(60),
    /** The gateway's public address (the console at `/`, the workers' page at `/worker`): the board's QR code. */
    CONSOLE_BASE_URL: httpUrl.default('http://127.0.0.1:8080'),
    /**
     * The monthly minimum wage the rights-information board prints, by region. The default is 福建省's first-tier
     * figure (厦门, 2030 yuan a month) for every region: a deployment sets its provinces' figures.
     */
    MINIMUM_MONTHLY_WAGES: minimumWages.prefault('000000=2030'),
  });

export type Env = z.infer<typeof envSchema>;

/** The workers' channel: sign-in by SMS code and the session it opens. */
export interface WorkerChannelSettings {
  jwtSecret: string;
  /** Pending codes and sign-in counters; the channel's own connection (see worker-channel.module.ts). */
  redisUrl: string;
  sessionTtlSeconds: number;
  codeRequestsPerAddress: number;
  sms: SmsProviderSettings;
}

/** The rights-information board (维权信息告示牌) each project puts up on its site. */
export interface RightsBoardSettings {
  /** Where the workers' page is: `<gateway>/worker`, without a trailing slash on the base. */
  workerPageUrl: string;
  /** Monthly minimum wage in fen by region code; `000000` for regions not listed. */
  minimumMonthlyWages: Record<RegionCode, Fen>;
  pdfFont: PdfFont;
}

/** What roster-service adds to the platform's definition of a service. */
export interface RosterSettings {
  batchCap: number;
  workerChannel: WorkerChannelSettings;
  rightsBoard: RightsBoardSettings;
}

export interface RosterServiceDefinition extends ServiceDefinition {
  roster: RosterSettings;
}

export function serviceDefinition(env: Env): RosterServiceDefinition {
  // Redis serves only the workers' sign-in: not the platform's connection, so that its health does not decide
  // whether rolls, attendance and pay sheets are taken.
  const { redisUrl: _workersOnly, ...platform } = standardDefinition('roster-service', env, {
    database,
    outbox: true,
  });
  return {
    ...platform,
    roster: {
      batchCap: env.ROSTER_BATCH_CAP,
      workerChannel: {
        jwtSecret: env.JWT_SECRET,
        redisUrl: env.REDIS_URL,
        sessionTtlSeconds: env.WORKER_SESSION_TTL_SECONDS,
        codeRequestsPerAddress: env.WORKER_CODE_REQUESTS_PER_ADDRESS,
        sms: smsSettings(env),
      },
      rightsBoard: {
        workerPageUrl: `${env.CONSOLE_BASE_URL.replace(/\/+$/, '')}/worker`,
        minimumMonthlyWages: env.MINIMUM_MONTHLY_WAGES,
        pdfFont: pdfFontOf(env),
      },
    },
  };
}
