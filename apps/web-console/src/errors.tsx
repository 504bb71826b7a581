import type { ApiFailure } from './api';
import type { Lang } from './i18n';

/**
 * The API answers `{ error: CODE, message }` with the message in English. In the Chinese interface a person reads
 * what the code means in Chinese and what to do; the server's own words stay available for whoever reports it. An
 * unknown code is explained by its HTTP status.
 */
const BY_CODE: Record<string, string> = {
  NETWORK: '无法连接服务器，请检查网络后重试。',
  UNAUTHORIZED: '登录已失效或凭据无效，请重新登录。',
  LOGIN_FAILED: '用户名或密码错误，请重新输入。',
  TOO_MANY_LOGIN_FAILURES: '登录失败次数过多，请稍候再试（等待时间见下方技术信息）。',
  FORBIDDEN: '您无权执行此操作。',
  NOT_FOUND: '未找到该记录，或它不在您的辖区内。',
  INVALID_TRANSITION: '该预警当前的状态不允许此操作，请刷新后查看最新状态。',
  ASSIGNEE_NOT_ELIGIBLE: '该用户不能承办此预警：请指派辖区覆盖该预警的监察员或领导。',
  USER_EXISTS: '该用户名已被使用，请换一个。',
  PROJECT_EXISTS: '该项目编号已登记。',
  BANK_EXISTS: '该银行编码已登记。',
  BAD_REQUEST: '提交的内容有误，请按提示修改后重试。',
  INVALID_ROWS: '有若干行数据不符合要求，未保存任何内容；请按明细修改后整批重新提交。',
  TOO_MANY_REQUESTS: '操作过于频繁，请稍后再试。',
  TOO_MANY_STREAMS: '您打开的实时推送窗口过多，请关闭部分页面后重试。',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试。',
  BAD_GATEWAY: '服务暂时不可用，请稍后重试。',
  GATEWAY_TIMEOUT: '服务响应超时，请稍后重试。',
  ALERT_SERVICE_UNAVAILABLE: '预警服务暂时不可用，请稍后重试。',
  TOO_MANY_PHOTOS: '每次巡查最多 6 张照片，该巡查记录的照片已满。',
  UNSUPPORTED_MEDIA_TYPE: '只能上传 JPEG、PNG 或 WebP 格式的照片，请重新拍摄或选择其他照片。',
  PAYLOAD_TOO_LARGE: '照片不能超过 5 MB，请压缩后再上传。',
  PROJECT_NOT_IN_GRID: '该项目尚未划入网格，巡查不能同时核实；请不选“同时核实”后保存。',
  WEBHOOK_ADDRESS_NOT_ALLOWED: '该推送地址指向内网或本机，不允许使用；请填写公网地址或请管理员放行。',
};

const BY_STATUS: [number, string][] = [
  [400, '提交的内容有误，请按提示修改后重试。'],
  [401, '登录已失效，请重新登录。'],
  [403, '您无权执行此操作。'],
  [404, '未找到该记录，或它不在您的辖区内。'],
  [409, '与当前状态冲突，请刷新后重试。'],
  [413, '提交的数据过多，请分批提交。'],
  [422, '提交的内容未通过校验，请按提示修改。'],
  [429, '操作过于频繁，请稍后再试。'],
  [500, '服务器出错，请稍后重试；如仍出错请联系管理员。'],
];

/** The message to show: Chinese for the code (or status) in the Chinese interface, the server's own in English. */
export function failureMessage(failure: ApiFailure, lang: Lang): string {
  if (failure.code === 'CLIENT_ERROR') return failure.message;
  if (lang === 'en') return failure.message;
  const byStatus = [...BY_STATUS].reverse().find(([status]) => failure.status >= status)?.[1];
  return BY_CODE[failure.code] ?? byStatus ?? failure.message;
}
