// The GB/T 2260 module of the platform (libs/domain) down to districts, bundled as it is: names for codes (350206
// 湖里区). Grids below a district (9 and 12 digits) are tens of megabytes and show as their codes here.
export { regionLabel, regionName } from '../../../libs/domain/src/divisions';
