// The one GB/T 2260 module of the platform (libs/domain), bundled as it is: names for codes (350206 湖里区).
export { regionLabel, regionName } from '../../../libs/domain/src/regions';
